using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Local.Backends;

/// <summary>
/// DurableTask.AzureStorage (queues, tables and blobs in one account: Azurite or real) with settings that suit a
/// developer machine: short queue polling, the table partition manager (fast first start), short partition leases
/// (a restarted or second worker takes over within seconds) and a worker id per process.
/// </summary>
public static class AzureStorageBackend
{
    /// <summary>
    /// Control-queue partitions: at most this many workers run orchestrations at once (activities spread over every
    /// worker). The same as host.json's <c>partitionCount</c>: a task hub keeps the count it was created with, and a
    /// local worker can join the Functions app's hub (docs/scaling.md).
    /// </summary>
    public const int PartitionCount = 4;

    /// <summary>
    /// Activity work items one worker runs at once. They wait on model and speech calls, not on this machine's cores:
    /// DurableTask.AzureStorage's default of 10 flattened throughput at about 25 episodes/min (docs/benchmarks.md);
    /// host.json's <c>maxConcurrentActivityFunctions</c> has the same value.
    /// </summary>
    public const int MaxActivities = 100;

    /// <summary>Orchestration work items one worker replays at once (host.json's <c>maxConcurrentOrchestratorFunctions</c>).</summary>
    public const int MaxOrchestrations = 100;

    /// <summary>Creates the service for <paramref name="settings"/> (not yet created in storage).</summary>
    public static IOrchestrationService Create(BackendSettings settings, ILoggerFactory loggerFactory)
    {
        string connectionString = settings.StorageConnectionString
            ?? throw new InvalidOperationException("The Azure Storage backend needs a connection string.");
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = settings.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            WorkerId = settings.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            PartitionCount = PartitionCount,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250),
            UseTablePartitionManagement = true,
            LeaseInterval = TimeSpan.FromSeconds(10),
            LeaseRenewInterval = TimeSpan.FromSeconds(3),
            LeaseAcquireInterval = TimeSpan.FromSeconds(3),
            WorkItemQueueVisibilityTimeout = settings.WorkItemVisibilityTimeout,

            // The library default of 10 concurrent activities flattened throughput at ~25 episodes/min from 4
            // concurrent episodes on (docs/benchmarks.md); 100 measured 5.5x more at 16 episodes.
            MaxConcurrentTaskActivityWorkItems = MaxActivities,
            MaxConcurrentTaskOrchestrationWorkItems = MaxOrchestrations,

            // An orchestration message taken by a worker that then dies stays invisible this long (default 5 min):
            // the resumed episode waited almost 5 minutes for it. Orchestrator episodes take milliseconds here.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            LoggerFactory = loggerFactory,
        });
        return new SidecarCompatibleService(settings.RenewActivityLocks ? new ActivityLockRenewingService(service, settings.WorkItemVisibilityTimeout) : service);
    }
}
