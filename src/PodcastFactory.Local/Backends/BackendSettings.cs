namespace PodcastFactory.Local.Backends;

/// <summary>How the local runner keeps orchestration state.</summary>
/// <param name="Kind">In-memory or Azure Storage.</param>
/// <param name="StorageConnectionString">Azure Storage connection string (Azurite: UseDevelopmentStorage=true or an explicit endpoint string).</param>
/// <param name="TaskHub">Task hub name (letters and digits).</param>
public sealed record BackendSettings(BackendKind Kind, string? StorageConnectionString = null, string TaskHub = "podcastfactory")
{
    /// <summary>The default task hub name.</summary>
    public const string DefaultTaskHub = "podcastfactory";

    /// <summary>The default: embedded, in memory.</summary>
    public static readonly BackendSettings InMemory = new(BackendKind.InMemory);

    /// <summary>
    /// How long a dequeued activity stays invisible to other workers: how long an activity interrupted by a crash
    /// waits before another worker runs it again. A running activity's lock is renewed (see <see cref="RenewActivityLocks"/>).
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Renew running activities' locks (Azure Storage). Right when the backend and the worker share a process (the
    /// local runner: renewals end with the worker). A host whose workers run in other processes (the Functions test
    /// host) turns it off, or a dead worker's activity would stay locked by the live backend.
    /// </summary>
    public bool RenewActivityLocks { get; init; } = true;

    /// <summary>
    /// The name this worker leases partitions under (Azure Storage); null: machine and process id. Two workers in one
    /// process (the bench's scale-out scenario) need their own, or each takes the other's leases for its own.
    /// </summary>
    public string? WorkerId { get; init; }

    /// <summary>True when orchestration state survives the process (a restart on the same task hub resumes it).</summary>
    public bool IsDurable => Kind != BackendKind.InMemory;
}
