using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="ReadShowBibleActivity"/>.</summary>
/// <param name="EpisodeId">The episode about to be researched.</param>
/// <param name="Show">Its show's id.</param>
public sealed record ReadShowBibleInput(string EpisodeId, string Show);

/// <summary>Output of <see cref="ReadShowBibleActivity"/>: the snapshot's name and which earlier episodes it holds.</summary>
/// <param name="Artifact"><c>series/earlier.json</c>.</param>
/// <param name="Numbers">The earlier episodes' numbers, oldest first (what the episode considered).</param>
public sealed record ReadShowBibleOutput(string Artifact, IReadOnlyList<int> Numbers);

/// <summary>
/// Series memory, first half: copies the show's bible into the episode (<c>series/earlier.json</c>) as its research
/// begins. Every later step reads that copy (<see cref="SeriesSnapshot"/>), so the episode is made against one fixed set
/// of earlier episodes; a re-run keeps the first copy. No model call, so nothing to cost.
/// </summary>
public sealed class ReadShowBibleActivity(IArtifactStore store, IShowBibleStore bibles, ILogger<ReadShowBibleActivity> logger)
    : TaskActivity<ReadShowBibleInput, ReadShowBibleOutput>
{
    /// <inheritdoc />
    public override async Task<ReadShowBibleOutput> RunAsync(TaskActivityContext context, ReadShowBibleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ShowBible snapshot = await SeriesSnapshot.TakeAsync(store, bibles, input.EpisodeId, input.Show, CancellationToken.None);
        Logs.SeriesMemoryRead(logger, input.EpisodeId, input.Show, snapshot.Episodes.Count, snapshot.Episodes.Sum(e => e.Claims.Count));
        return new ReadShowBibleOutput(ArtifactNames.SeriesSnapshot(input.EpisodeId), [.. snapshot.Episodes.Select(e => e.Number)]);
    }
}
