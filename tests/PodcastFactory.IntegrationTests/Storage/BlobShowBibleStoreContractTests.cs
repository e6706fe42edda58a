using Azure.Storage.Blobs;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Tests.Artifacts.Series;

namespace PodcastFactory.IntegrationTests.Storage;

/// <summary>The show bible contract on Blob Storage (Azurite): conditional appends with the blob's own ETag.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobShowBibleStoreContractTests(AzuriteFixture azurite) : ShowBibleStoreContractTests
{
    // A container per test: the tests share one Azurite and must not see each other's blobs.
    readonly BlobContainerClient _container = new(azurite.ConnectionString, "bible-" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<IShowBibleStore> CreateStoreAsync() => Task.FromResult<IShowBibleStore>(new BlobShowBibleStore(_container));

    protected override async Task CleanUpAsync() => await _container.DeleteIfExistsAsync();
}
