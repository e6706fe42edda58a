using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Local.Backends;

/// <summary>Creates the configured orchestration service and serves it through the sidecar.</summary>
public static class LocalBackend
{
    /// <summary>Starts the backend (creating its storage if missing) and its sidecar.</summary>
    public static async Task<SidecarServer> StartAsync(BackendSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        IOrchestrationService service = settings.Kind switch
        {
            BackendKind.InMemory => InMemoryBackend.Create(loggerFactory),
            BackendKind.AzureStorage => AzureStorageBackend.Create(settings, loggerFactory),
            _ => throw new NotSupportedException($"Backend {settings.Kind} is not available in this build."),
        };
        await service.CreateIfNotExistsAsync();
        return await SidecarServer.StartAsync(service, loggerFactory, cancellationToken);
    }
}
