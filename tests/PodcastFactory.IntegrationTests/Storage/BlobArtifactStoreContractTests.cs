using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Tests.Artifacts;

namespace PodcastFactory.IntegrationTests.Storage;

/// <summary>The contract on Blob Storage (Azurite), plus what only blobs have: metadata, headers, the container.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobArtifactStoreContractTests(AzuriteFixture azurite) : ArtifactStoreContractTests
{
    // A container per test: the tests share one Azurite and must not see each other's blobs.
    readonly string _container = "contract-" + Guid.NewGuid().ToString("N")[..12];

    BlobContainerClient Container => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container);

    protected override Task<IArtifactStore> CreateStoreAsync() =>
        Task.FromResult(ArtifactStoreFactory.Create(new ArtifactStoreOptions
        {
            Provider = ArtifactStoreKind.Blob,
            ConnectionString = azurite.ConnectionString,
            ContainerName = _container,
        }));

    protected override async Task CleanUpAsync() => await Container.DeleteIfExistsAsync();

    [Fact]
    public async Task WriteAsync_ContainerMissing_CreatesItAndTheBlob()
    {
        Assert.False(await Container.ExistsAsync());

        await Store.WriteTextAsync("ep-1/social.md", "post", "h", CancellationToken.None);

        Assert.True(await Container.ExistsAsync());
        Assert.True(await Container.GetBlobClient("ep-1/social.md").ExistsAsync());
    }

    [Fact]
    public async Task WriteAsync_WithInputHash_StoresItAsBlobMetadataAndContentTypeAsHeader()
    {
        await Store.WriteTextAsync("ep-1/research.md", "notes", "0123abcd", CancellationToken.None);

        BlobProperties properties = await Container.GetBlobClient("ep-1/research.md").GetPropertiesAsync();

        Assert.Equal("0123abcd", properties.Metadata[BlobArtifactStore.InputHashMetadataKey]);
        Assert.Equal(ContentTypes.Markdown, properties.ContentType);
    }

    [Fact]
    public void Location_IsTheContainerUrl()
    {
        Assert.Equal(Container.Uri.ToString().TrimEnd('/'), Store.Location);
    }
}
