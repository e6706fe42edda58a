namespace PodcastFactory.Local.Backends;

/// <summary>How the local runner keeps orchestration state.</summary>
/// <param name="Kind">In-memory or Azure Storage.</param>
/// <param name="StorageConnectionString">Azure Storage connection string (Azurite: UseDevelopmentStorage=true or an explicit endpoint string).</param>
/// <param name="TaskHub">Task hub name (letters and digits).</param>
public sealed record BackendSettings(BackendKind Kind, string? StorageConnectionString = null, string TaskHub = "podcastfactory")
{
    /// <summary>The default: embedded, in memory.</summary>
    public static readonly BackendSettings InMemory = new(BackendKind.InMemory);
}
