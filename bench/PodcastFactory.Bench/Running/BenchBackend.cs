using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Bench.Running;

/// <summary>A backend the scenarios run on; <see cref="Settings"/> gives every runtime its own task hub.</summary>
/// <param name="Name">Name in the table: memory or azurite.</param>
/// <param name="ConnectionString">Azure Storage connection string, or null for the in-memory backend.</param>
/// <param name="ActivityCap">Concurrent activity work items the sidecar's service and the worker allow, when not the local runner's own (the worker's default is 100 x cores).</param>
/// <param name="TaskHub">A task hub every runtime of this backend shares (several workers on one hub), instead of a fresh one each.</param>
/// <param name="WorkerId">The worker's own lease name when several runtimes of this process share <paramref name="TaskHub"/>.</param>
public sealed record BenchBackend(string Name, string? ConnectionString, int? ActivityCap = null, string? TaskHub = null, string? WorkerId = null)
{
    static int _hubs;

    /// <summary>The in-memory backend (concurrency caps raised, as the local runner uses it).</summary>
    public static readonly BenchBackend Memory = new("memory", null);

    /// <summary>Settings for a new runtime: a fresh task hub on Azure Storage so runs never see each other's history.</summary>
    public BackendSettings Settings() => ConnectionString is null
        ? BackendSettings.InMemory
        : new BackendSettings(BackendKind.AzureStorage, ConnectionString, TaskHub ?? NewHubName()) { WorkerId = WorkerId };

    /// <summary>A task hub name no other runtime of this process uses.</summary>
    public static string NewHubName() => $"bench{Environment.ProcessId}x{Interlocked.Increment(ref _hubs)}";

    /// <summary>
    /// Concurrent orchestration and activity work items the backend's service dispatches, as <see cref="LocalBackend"/>
    /// creates it (read from the service itself, so the table states the caps that were in force).
    /// </summary>
    public (int Orchestrations, int Activities) ServiceCaps()
    {
        if (ActivityCap is { } cap)
        {
            return (InMemoryBackend.MaxOrchestrations, cap);
        }

        IOrchestrationService service = ConnectionString is null
            ? InMemoryBackend.Create(NullLoggerFactory.Instance)
            : AzureStorageBackend.Create(Settings(), NullLoggerFactory.Instance);
        (int, int) caps = (service.MaxConcurrentTaskOrchestrationWorkItems, service.MaxConcurrentTaskActivityWorkItems);
        (service as IDisposable)?.Dispose();
        return caps;
    }
}
