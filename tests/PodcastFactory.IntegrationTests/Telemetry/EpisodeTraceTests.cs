using System.Diagnostics;
using OpenTelemetry.Metrics;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// One episode started over HTTP on <c>podcast serve</c>'s app, read back from an in-memory exporter: one trace from the
/// HTTP request to the provider's HTTP calls, the metrics of the run, and nothing of the request's content in a span.
/// The text and speech models are <see cref="FakeOpenAIServer"/> (the provider's wire format on 127.0.0.1).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class EpisodeTraceTests(TracedEpisode episode, ITestOutputHelper output) : IClassFixture<TracedEpisode>
{
    [Fact]
    public void Serve_EpisodeOverHttp_OneTraceFromRequestToProviderCalls()
    {
        (List<Activity> spans, FakeOpenAIServer server, string source) = (episode.Spans, episode.Server, episode.Source);
        {
            Activity request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/episodes");
            Activity start = Assert.Single(spans, s => s.OperationName == PodcastTelemetry.Spans.EpisodeStart);
            Assert.Equal(request.SpanId, start.ParentSpanId);
            Activity create = Assert.Single(spans, s => s.OperationName == "create_orchestration:EpisodeOrchestrator");
            Assert.Equal(start.SpanId, create.ParentSpanId);
            Activity orchestration = Assert.Single(spans, s => s.OperationName == "orchestration:EpisodeOrchestrator");
            Assert.Equal(create.SpanId, orchestration.ParentSpanId);

            // Every provider HTTP call of the episode hangs under the orchestration, through an activity and a paid call.
            List<Activity> providerHttp = spans.Where(s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http" && IsTo(s, server.BaseUrl)).ToList();
            Assert.Equal(server.Requests.Count, providerHttp.Count);
            foreach (Activity http in providerHttp)
            {
                Assert.Equal(request.TraceId, http.TraceId);
                List<Activity> chain = TracedServe.Ancestors(http, spans).ToList();
                Assert.Equal(PodcastTelemetry.Spans.ProviderCall, chain[0].OperationName);
                Activity activity = Assert.Single(chain, s => s.Source.Name == "Microsoft.DurableTask" && s.Kind == ActivityKind.Server && s.OperationName.StartsWith("activity:", StringComparison.Ordinal));
                Assert.Equal(chain[0].ParentSpanId, activity.SpanId);
                Assert.Contains(orchestration, chain);
                Assert.Contains(request, chain);
            }

            Assert.Contains(providerHttp, h => TracedServe.Ancestors(h, spans).Any(s => s.OperationName == "activity:WriteScriptActivity"));
            Assert.Contains(providerHttp, h => TracedServe.Ancestors(h, spans).Any(s => s.OperationName == "activity:SynthesizeSegmentActivity"));
            // The audio sub-orchestration's spans are in the same trace.
            Assert.Contains(spans, s => s.OperationName == "orchestration:AudioOrchestrator" && s.TraceId == request.TraceId);
            // The trace's shape (span name <- parent's name, with counts), for the reader of the test log.
            foreach (IGrouping<string, Activity> edge in spans.Where(s => s.TraceId == request.TraceId)
                .GroupBy(s => $"{s.DisplayName} [{s.Source.Name}, {s.Kind}] <- {spans.FirstOrDefault(p => p.SpanId == s.ParentSpanId)?.DisplayName ?? "(root)"}"))
            {
                output.WriteLine($"{edge.Count(),3} x {edge.Key}");
            }
        }
    }

    [Fact]
    public void Serve_EpisodeOverHttp_NoSpanCarriesTheTopicSourcePromptOrKey()
    {
        (List<Activity> spans, FakeOpenAIServer server, string source) = (episode.Spans, episode.Server, episode.Source);
        {
            string[] attributes = [.. spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}"))).Append(s.DisplayName).Append(s.StatusDescription ?? ""))];
            Assert.NotEmpty(attributes);
            string[] forbidden =
            [
                FakeOpenAIServer.Key,
                TracedEpisode.Topic,
                .. source.Split('.', StringSplitOptions.TrimEntries).Where(sentence => sentence.Length > 40),
                .. server.ChatRequests.Select(r => EpisodeResponder.Message(JsonNode(r.Body), "system")[..60]),
            ];
            Assert.All(forbidden, secret => Assert.DoesNotContain(attributes, a => a.Contains(secret, StringComparison.OrdinalIgnoreCase)));
            // The provider HTTP spans are there to be checked: they name the host, not the key.
            Assert.Contains(attributes, a => a.StartsWith("server.address=127.0.0.1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Serve_EpisodeOverHttp_RecordsOutcomeStagesCallsUnitsAndCost()
    {
        (List<MetricSnapshot> metrics, FakeOpenAIServer server) = (episode.Metrics, episode.Server);
        {
            Assert.Equal(1, Sum(metrics, PodcastMetrics.Names.Episodes, (PodcastTelemetry.Attributes.Outcome, "completed")));
            Assert.True(Count(metrics, PodcastMetrics.Names.StageDuration, (PodcastTelemetry.Attributes.Stage, "script")) >= 1);
            Assert.True(Count(metrics, PodcastMetrics.Names.StageDuration, (PodcastTelemetry.Attributes.Stage, "audio")) >= 1);
            // Every request the provider answered is one answered call in the journal, so one measurement.
            Assert.Equal(server.Requests.Count, Count(metrics, PodcastMetrics.Names.CallDuration, (PodcastTelemetry.Attributes.Provider, "azure-openai"), (PodcastTelemetry.Attributes.CallState, "answered")));
            Assert.True(Sum(metrics, PodcastMetrics.Names.Units, (PodcastTelemetry.Attributes.Unit, "tokens")) > 0);
            Assert.True(Sum(metrics, PodcastMetrics.Names.Units, (PodcastTelemetry.Attributes.Unit, "characters")) > 0);
            Assert.Equal((double)server.BilledUsd, Sum(metrics, PodcastMetrics.Names.Cost), 6);
            Assert.Equal(server.Requests.Count, Count(metrics, PodcastMetrics.Names.HttpDuration, (PodcastTelemetry.Attributes.HttpStatusCode, 200)));
        }
    }

    // A client span to the fake provider (the test's own calls to the API are client spans too).
    static bool IsTo(Activity span, Uri server) => Equals(span.GetTagItem("server.port"), server.Port);

    static System.Text.Json.Nodes.JsonNode JsonNode(string body) => System.Text.Json.Nodes.JsonNode.Parse(body)!;

    static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags)
    {
        foreach (MetricSnapshot metric in metrics.Where(m => m.Name == name))
        {
            foreach (MetricPoint point in metric.MetricPoints)
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (KeyValuePair<string, object?> tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out object? v) && Equals(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture))))
                {
                    yield return point;
                }
            }
        }
    }

    static double Sum(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => metrics.First(m => m.Name == name).MetricType switch
        {
            MetricType.LongSum => p.GetSumLong(),
            MetricType.DoubleSum => p.GetSumDouble(),
            _ => throw new InvalidOperationException($"{name} is not a sum."),
        });

    static long Count(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());
}
