using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Bench.Running;

/// <summary>What an episode's publish stage took and produced, read from its manifest and <c>publish.json</c>.</summary>
/// <param name="StageMs">The publish stage's duration (orchestration clock, as the manifest records it).</param>
/// <param name="AudioSeconds">Playing time of <c>episode.mp3</c>.</param>
/// <param name="MasterPasses">Master and encode passes it ran.</param>
/// <param name="Detail">The stage's detail line (says when a finished publish was reused).</param>
public sealed record PublishFigures(double StageMs, double AudioSeconds, int MasterPasses, string Detail)
{
    /// <summary>Reads the figures of <paramref name="episodeId"/> from the runtime's artifact store.</summary>
    public static async Task<PublishFigures> ReadAsync(BenchRuntime runtime, string episodeId)
    {
        var store = runtime.Services.GetRequiredService<IArtifactStore>();
        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(episodeId), CancellationToken.None);
        StageRecord stage = manifest.Stages.Single(s => s.Name == Stages.Publish);
        Publication publication = await store.ReadJsonAsync<Publication>(ArtifactNames.Publication(episodeId), CancellationToken.None);
        return new PublishFigures(stage.DurationMs, publication.DurationSeconds, publication.MasterPasses, stage.Detail);
    }

    /// <summary>Multiples of real time: playing time over the stage's duration.</summary>
    public double TimesRealTime => AudioSeconds * 1000 / StageMs;
}
