using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Local.Backends;

/// <summary>The embedded in-memory backend with its concurrency caps raised.</summary>
public static class InMemoryBackend
{
    /// <summary>Concurrent orchestration work items.</summary>
    public const int MaxOrchestrations = 1000;

    /// <summary>Concurrent activity work items.</summary>
    public const int MaxActivities = 1000;

    /// <summary>Creates the service.</summary>
    public static IOrchestrationService Create(ILoggerFactory loggerFactory) =>
        new HighConcurrencyOrchestrationService(new InMemoryOrchestrationService(loggerFactory), MaxOrchestrations, MaxActivities);
}
