using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// Stitches the segments, in order with their pauses, into <c>episode.wav</c> or <c>episode.mp3</c>. Segments are
/// streamed one at a time into a temporary file, which is then streamed to the store: the episode is never held
/// in memory, whatever its length.
/// </summary>
public sealed class StitchAudioActivity(IArtifactStore store) : TaskActivity<StitchAudioInput, StitchAudioOutput>
{
    /// <inheritdoc />
    public override async Task<StitchAudioOutput> RunAsync(TaskActivityContext context, StitchAudioInput input)
    {
        SegmentPlan plan = await store.ReadJsonAsync<SegmentPlan>(input.PlanArtifact, CancellationToken.None);
        if (plan.Segments.Count != input.SegmentArtifacts.Count)
        {
            throw new InvalidOperationException($"The plan has {plan.Segments.Count} segments but {input.SegmentArtifacts.Count} were synthesized.");
        }

        var inputs = input.SegmentArtifacts
            .Select((name, i) => new StitchInput(name, ct => store.OpenReadAsync(name, ct), plan.Segments[i].PauseAfterMs))
            .ToList();
        string name = ArtifactNames.EpisodeAudio(input.EpisodeId, input.Extension);
        string temp = Path.Combine(Path.GetTempPath(), $"podcastfactory-{Guid.NewGuid():N}.{input.Extension}");
        try
        {
            StitchResult result;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65536, useAsync: true))
            {
                result = await AudioStitcherFactory.For(plan.Format).StitchAsync(inputs, output, CancellationToken.None);
                output.Position = 0;
                await store.WriteAsync(name, output, ContentTypes.ForName(name), InputHash.Of(input), CancellationToken.None);
            }

            return new StitchAudioOutput(name, result.Duration.TotalSeconds, result.TotalBytes, result.SegmentCount);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
