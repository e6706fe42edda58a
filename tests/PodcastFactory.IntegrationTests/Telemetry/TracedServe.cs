using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using PodcastFactory.Core;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// <c>podcast serve</c>'s app in this process (so an in-memory exporter can read its spans and metrics) on the
/// in-memory backend (or the one given), with telemetry wired as the host wires it plus the test's exporters.
/// </summary>
internal sealed class TracedServe : IAsyncDisposable
{
    readonly SidecarServer _sidecar;
    readonly WebApplication _app;

    TracedServe(SidecarServer sidecar, WebApplication app, Uri baseAddress)
    {
        _sidecar = sidecar;
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TracedServe> StartAsync(Dictionary<string, string?> settings, Action<OpenTelemetryBuilder>? exporters, BackendSettings? backend = null)
    {
        ILoggerFactory loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        SidecarServer sidecar = await LocalBackend.StartAsync(backend ?? BackendSettings.InMemory, loggerFactory, CancellationToken.None);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        WebApplication app = ServeCommand.Build(
            settings, new ServeCommand.EndPointSettings(IPAddress.Loopback, 0, null), sidecar.Address, loggerFactory,
            exporters is null ? null : s => s.AddPodcastFactoryTelemetry(configuration, "podcast-test", exporters));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TracedServe(sidecar, app, new Uri(address));
    }

    /// <summary>Pushes the metrics collected so far to the exporter.</summary>
    public void FlushMetrics() => Assert.True(_app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    /// <summary>The span's ancestors, nearest first, as far as <paramref name="spans"/> holds them.</summary>
    public static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyCollection<Activity> spans)
    {
        for (Activity? at = span; at is not null;)
        {
            ActivitySpanId parent = at.ParentSpanId;
            at = spans.FirstOrDefault(s => s.SpanId == parent && s.TraceId == span.TraceId);
            if (at is not null)
            {
                yield return at;
            }
        }
    }
}
