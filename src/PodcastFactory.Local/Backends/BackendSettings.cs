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
    /// How long a dequeued activity stays invisible to other workers. The sidecar never renews activity locks, so
    /// this must exceed the longest activity; it is also how long an activity interrupted by a crash waits before
    /// another worker runs it again.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>True when orchestration state survives the process (a restart on the same task hub resumes it).</summary>
    public bool IsDurable => Kind != BackendKind.InMemory;
}
