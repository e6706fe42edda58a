using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// One episode started over HTTP on <c>podcast serve</c>'s app with in-memory exporters, run once for the tests that
/// read it: the spans exported, the metrics as flushed when the episode ended, and the fake provider it called. On the
/// in-memory backend unless a subclass names another (<see cref="AzuriteTracedEpisode"/>).
/// </summary>
public class TracedEpisode : IAsyncLifetime
{
    public const string Topic = "How durable workflows recover from crashes";

    readonly List<Activity> _spans = [];
    readonly List<MetricSnapshot> _exported = [];

    public List<Activity> Spans { get; private set; } = [];

    public List<MetricSnapshot> Metrics { get; private set; } = [];

    internal FakeOpenAIServer Server { get; private set; } = null!;

    public string Source { get; private set; } = "";

    /// <summary>The backend the episode runs on.</summary>
    protected virtual Task<BackendSettings> BackendAsync() => Task.FromResult(BackendSettings.InMemory);

    public async Task InitializeAsync()
    {
        Server = await FakeOpenAIServer.StartAsync();
        Server.Responder = EpisodeResponder.For(new ScriptBrief(Topic, EpisodeRequest.DefaultHosts, 1, "en", 600));
        Server.SpeechFixture = voice => voice == "ash" ? "tone-a-24k.mp3" : "tone-b-24k.mp3";
        Source = await File.ReadAllTextAsync(LocalEpisodeRunner.Fixture("durable-workflows.md"));
        string root = Path.Combine(Path.GetTempPath(), "pf-otel-" + Guid.NewGuid().ToString("N")[..8]);
        Dictionary<string, string?> settings = ProviderStack.AzureSettings(Server);
        settings["Artifacts:Provider"] = "FileSystem";
        settings["Artifacts:RootPath"] = root;
        settings["Publishing:Enabled"] = "false";
        try
        {
            await using (TracedServe serve = await TracedServe.StartAsync(settings, otel => otel
                .WithTracing(t => t.AddInMemoryExporter(_spans))
                .WithMetrics(m => m.AddInMemoryExporter(_exported)), await BackendAsync()))
            {
                using var http = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
                var body = new
                {
                    id = "otel-episode",
                    topic = Topic,
                    priority = "both",
                    depth = "quick",
                    targetMinutes = 1,
                    sources = new[] { new { kind = "text", value = Source, name = "durable-workflows.md" } },
                };
                using HttpResponseMessage started = await http.PostAsJsonAsync("/api/episodes", body);
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
                await WaitForEndAsync(http, started.Headers.Location!);
                serve.FlushMetrics();
                // Stopping the app exports once more: only the snapshot taken at the end of the episode is read.
                Metrics = [.. _exported];
            }

            lock (_spans)
            {
                Spans = [.. _spans];
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    static async Task WaitForEndAsync(HttpClient http, Uri status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            JsonElement body = JsonDocument.Parse(await http.GetStringAsync(status, timeout.Token)).RootElement;
            string? runtime = body.GetProperty("runtimeStatus").GetString();
            if (runtime is "completed" or "failed" or "terminated")
            {
                Assert.Equal("completed", runtime);
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
