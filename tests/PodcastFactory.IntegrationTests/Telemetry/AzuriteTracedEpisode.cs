using PodcastFactory.IntegrationTests.Storage;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// <see cref="TracedEpisode"/> on the local Azure Storage backend (Azurite, its own task hub): the backend whose history
/// table once dropped the sub-orchestration's trace context (<see cref="SidecarCompatibleService"/>).
/// </summary>
public sealed class AzuriteTracedEpisode : TracedEpisode
{
    // A class fixture cannot take the Azurite collection's fixture, so it holds its own (the variable's, or one it starts).
    readonly AzuriteFixture _azurite = new();

    protected override async Task<BackendSettings> BackendAsync()
    {
        await _azurite.InitializeAsync();
        return new BackendSettings(BackendKind.AzureStorage, _azurite.ConnectionString, AzuriteFixture.NewTaskHub("otel"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
