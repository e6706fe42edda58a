namespace PodcastFactory.Local.Backends;

/// <summary>Where orchestration state lives for a local run.</summary>
public enum BackendKind
{
    /// <summary>In memory: fast, nothing survives the process.</summary>
    InMemory,
    /// <summary>DurableTask.AzureStorage on Azurite or a real account: survives crashes and restarts.</summary>
    AzureStorage,
}
