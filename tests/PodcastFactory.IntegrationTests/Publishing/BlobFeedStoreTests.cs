using PodcastFactory.Core.Tests.Publishing.Feed;
using Azure.Storage.Blobs;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.IntegrationTests.Storage;

namespace PodcastFactory.IntegrationTests.Publishing;

[Collection(AzuriteCollection.Name)]
public sealed class BlobFeedStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PublishAsync_TenEpisodesAtOnceOnAzurite_NoItemIsLost()
    {
        var store = new BlobFeedStore(new BlobContainerClient(azurite.ConnectionString, "feed" + Guid.NewGuid().ToString("N")[..12]));

        await Task.WhenAll(Enumerable.Range(1, 10).Select(n => Task.Run(() =>
            new FeedPublisher(store, FeedItems.Options, FeedItems.BaseUrl).PublishAsync(FeedItems.Item(n), CancellationToken.None))));

        FeedSnapshot feed = await store.ReadAsync(CancellationToken.None);
        Assert.Equal(10, PodcastFeed.ReadItems(feed.Content).Select(PodcastFeed.GuidOf).Distinct().Count());
    }

    [Fact]
    public async Task TryWriteAsync_StaleETagOrCreateOverExisting_Refuses()
    {
        var store = new BlobFeedStore(new BlobContainerClient(azurite.ConnectionString, "feed" + Guid.NewGuid().ToString("N")[..12]));
        string? first = await store.TryWriteAsync([1], null, CancellationToken.None);
        string? second = await store.TryWriteAsync([2], first, CancellationToken.None);

        Assert.NotNull(second);
        Assert.Null(await store.TryWriteAsync([3], first, CancellationToken.None));
        Assert.Null(await store.TryWriteAsync([3], null, CancellationToken.None));
        Assert.Equal([2], (await store.ReadAsync(CancellationToken.None)).Content);
    }
}
