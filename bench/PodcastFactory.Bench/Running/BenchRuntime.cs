using DurableTask.Core;
using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Core;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.Bench.Running;

/// <summary>Timing of one or more episodes: orchestration wall time from the backend's own timestamps.</summary>
/// <param name="Wall">First creation to last completion, as recorded by the backend.</param>
/// <param name="ClientWall">What the caller waited, start request to completion seen.</param>
/// <param name="CpuTime">Process CPU time used meanwhile (all threads).</param>
/// <param name="Walls">Each episode's own creation to completion, in the order of the ids.</param>
public sealed record EpisodeTiming(TimeSpan Wall, TimeSpan ClientWall, TimeSpan CpuTime, IReadOnlyList<TimeSpan> Walls);

/// <summary>
/// The real workflow (LocalRuntime: backend, sidecar, portable worker, AddPodcastFactory) with the delayed fakes in
/// place of the agents and speech, artifacts in a file-system folder.
/// </summary>
public sealed class BenchRuntime : IAsyncDisposable
{
    readonly IServiceProvider _services;
    readonly DurableTaskClient _client;
    readonly Func<ValueTask> _dispose;

    BenchRuntime(IServiceProvider services, Func<ValueTask> dispose)
    {
        _services = services;
        _client = services.GetRequiredService<DurableTaskClient>();
        _dispose = dispose;
    }

    /// <summary>Starts a runtime on <paramref name="backend"/> with artifacts under <paramref name="root"/>.</summary>
    /// <param name="backend">The backend.</param>
    /// <param name="latency">The injected provider latencies.</param>
    /// <param name="root">The artifact folder.</param>
    /// <param name="maxParallelSegments">Workflow:MaxParallelSegments.</param>
    /// <param name="publish">Whether episodes are mastered and published (off where only the orchestration is measured).</param>
    public static async Task<BenchRuntime> StartAsync(BenchBackend backend, LatencyInjector latency, string root, int maxParallelSegments, bool publish = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = root,
            ["Workflow:MaxParallelSegments"] = maxParallelSegments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Publishing:Enabled"] = publish ? "true" : "false",
        };
        if (backend.ActivityCap is { } cap)
        {
            return await StartWithActivityCapAsync(backend, cap, latency, settings);
        }

        LocalRuntime runtime = await LocalRuntime.StartAsync(backend.Settings(), settings, s => s.AddDelayedProviders(latency));
        return new BenchRuntime(runtime.Services, runtime.DisposeAsync);
    }

    // What LocalRuntime does, over a service and a worker whose activity caps are not the local runner's (in memory:
    // InMemoryBackend.MaxActivities; Azure Storage: DurableTask.AzureStorage's default of 10; worker: the SDK's
    // default of 100 x cores): shows whether a cap is what bends the throughput curve.
    static async Task<BenchRuntime> StartWithActivityCapAsync(BenchBackend backend, int cap, LatencyInjector latency, Dictionary<string, string?> settings)
    {
        ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        IOrchestrationService inner = backend.ConnectionString is null
            ? new InMemoryOrchestrationService(logging)
            : AzureStorageBackend.Create(backend.Settings(), logging);
        var service = new HighConcurrencyOrchestrationService(inner, InMemoryBackend.MaxOrchestrations, cap);
        await service.CreateIfNotExistsAsync();
        SidecarServer sidecar = await SidecarServer.StartAsync(service, logging, CancellationToken.None);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // As LocalRuntime does: the environment's settings apply, the bench's own win (the what-if ignored them).
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logging);
        builder.Services.AddPodcastFactory(builder.Configuration);
        builder.Services.AddDelayedProviders(latency);
        builder.Services.AddLocalDurableTask(sidecar.Address);
        builder.Services.Configure<DurableTaskWorkerOptions>(o => o.Concurrency.MaximumConcurrentActivityWorkItems = cap);
        IHost host = builder.Build();
        await host.StartAsync();
        return new BenchRuntime(host.Services, async () =>
        {
            await host.StopAsync();
            host.Dispose();
            await sidecar.DisposeAsync();
        });
    }

    /// <summary>The runtime's services (the Core services as both hosts register them).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Produces one episode and waits for it.</summary>
    public Task<EpisodeTiming> RunAsync(string episodeId) => RunManyAsync([episodeId]);

    /// <summary>Starts every episode (<paramref name="minutes"/> long) at once and waits for all; throws unless each completed with its audio.</summary>
    public async Task<EpisodeTiming> RunManyAsync(IReadOnlyList<string> episodeIds, int minutes = BenchEpisode.TargetMinutes)
    {
        var starter = _services.GetRequiredService<EpisodeStarter>();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(episodeIds.Select(id => starter.StartAsync(BenchEpisode.Request(minutes), id, CancellationToken.None)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        OrchestrationMetadata[] done = await Task.WhenAll(episodeIds.Select(id =>
            _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));
        TimeSpan clientWall = clock.Elapsed;
        TimeSpan cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        foreach (OrchestrationMetadata m in done)
        {
            EpisodeResult? result = m.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? m.ReadOutputAs<EpisodeResult>() : null;
            if (result is not { Outcome: EpisodeOutcome.Completed, AudioSeconds: > 0 })
            {
                throw new InvalidOperationException($"Episode {m.InstanceId} ended {m.RuntimeStatus}: {m.FailureDetails?.ErrorMessage ?? m.SerializedOutput}");
            }
        }

        TimeSpan wall = done.Max(m => m.LastUpdatedAt) - done.Min(m => m.CreatedAt);
        return new EpisodeTiming(wall, clientWall, cpuUsed, [.. done.Select(m => m.LastUpdatedAt - m.CreatedAt)]);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dispose();
}
