using System.Diagnostics;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// The episode's trace on the local Azure Storage backend (Azurite): the audio sub-orchestration hangs under a span
/// that is exported, the episode orchestration's client span for it, not under an id no span carries.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class AzuriteEpisodeTraceTests(AzuriteTracedEpisode episode, ITestOutputHelper output) : IClassFixture<AzuriteTracedEpisode>
{
    [Fact]
    public void AzureStorage_AudioOrchestration_ParentIsTheEpisodesExportedClientSpan()
    {
        List<Activity> spans = episode.Spans;
        Activity episodeRun = Assert.Single(spans, s => s.OperationName == "orchestration:EpisodeOrchestrator" && s.Kind == ActivityKind.Server);
        Activity audio = Assert.Single(spans, s => s.OperationName == "orchestration:AudioOrchestrator" && s.Kind == ActivityKind.Server);
        Activity? parent = spans.FirstOrDefault(s => s.SpanId == audio.ParentSpanId && s.TraceId == audio.TraceId);
        output.WriteLine($"audio parent {audio.ParentSpanId}: {parent?.DisplayName ?? "(not exported)"} [{parent?.Kind}]");
        Assert.NotNull(parent);
        Assert.Equal("orchestration:AudioOrchestrator", parent.OperationName);
        Assert.Equal(ActivityKind.Client, parent.Kind);
        Assert.Equal(episodeRun.SpanId, parent.ParentSpanId);
    }
}
