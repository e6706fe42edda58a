using PodcastFactory.Core.Diagnostics;
using PodcastFactory.IntegrationTests.Durability;
using PodcastFactory.IntegrationTests.Workflow;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// <c>podcast produce</c> as a child process with only the standard OTLP settings in its environment: the episode's
/// spans and metrics arrive at a local OTLP/HTTP receiver as protobuf.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Produce_OtlpEndpointSet_ExportsTracesAndMetricsAsProtobufOverHttp()
    {
        await using OtlpReceiver receiver = await OtlpReceiver.StartAsync();
        string root = Path.Combine(Path.GetTempPath(), "pf-otlp-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            };
            using PodcastProcess produce = PodcastProcess.Start("", "", [
                "produce", "How durable workflows recover from crashes", "--id", "otlp-episode", "--priority", "social",
                "--depth", "quick", "--minutes", "2", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"),
                "--out", root], settings: settings);

            int exit = await produce.WaitForExitAsync(TimeSpan.FromMinutes(3));

            Assert.True(exit == 0, produce.Output);
            Assert.All(receiver.Exports, e => Assert.Equal("application/x-protobuf", e.ContentType));
            Assert.True(receiver.Received("/v1/traces", PodcastTelemetry.Spans.EpisodeStart), "no trace export carried the start span");
            Assert.True(receiver.Received("/v1/traces", "orchestration:EpisodeOrchestrator"), "no trace export carried the orchestration span");
            Assert.True(receiver.Received("/v1/traces", "activity:WriteScriptActivity"), "no trace export carried an activity span");
            Assert.True(receiver.Received("/v1/metrics", PodcastMetrics.Names.Episodes), "no metrics export carried the episode counter");
            Assert.True(receiver.Received("/v1/metrics", PodcastMetrics.Names.StageDuration), "no metrics export carried the stage durations");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
