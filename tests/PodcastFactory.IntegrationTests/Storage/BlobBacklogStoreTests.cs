using Azure.Storage.Blobs;
using PodcastFactory.Core.Scheduling;

namespace PodcastFactory.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobBacklogStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReadAsync_NoBacklogBlob_ReadsEmptyWithoutETag()
    {
        BlobBacklogStore store = NewStore();

        BacklogSnapshot snapshot = await store.ReadAsync(default);

        Assert.Empty(snapshot.Backlog.Topics);
        Assert.Null(snapshot.ETag);
    }

    [Fact]
    public async Task TryWriteAsync_StaleETag_RefusesAndKeepsTheNewerBacklog()
    {
        BlobBacklogStore store = NewStore();
        string? first = await store.TryWriteAsync(new Backlog([new BacklogTopic("First topic")]), null, default);
        string? second = await store.TryWriteAsync(new Backlog([new BacklogTopic("Second topic")]), first, default);

        string? stale = await store.TryWriteAsync(new Backlog([new BacklogTopic("Lost update")]), first, default);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(stale);
        BacklogSnapshot snapshot = await store.ReadAsync(default);
        Assert.Equal("Second topic", Assert.Single(snapshot.Backlog.Topics).Topic);
        Assert.Equal(second, snapshot.ETag);
    }

    [Fact]
    public async Task TryWriteAsync_CreateWhenOneExists_Refuses()
    {
        BlobBacklogStore store = NewStore();
        await store.TryWriteAsync(new Backlog([new BacklogTopic("First topic")]), null, default);

        Assert.Null(await store.TryWriteAsync(Backlog.Empty, null, default));
    }

    [Fact]
    public async Task TryWriteAsync_ConcurrentWritersWithTheSameETag_OnlyOneWins()
    {
        BlobBacklogStore store = NewStore();
        string? etag = await store.TryWriteAsync(Backlog.Empty, null, default);

        string?[] results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            store.TryWriteAsync(new Backlog([new BacklogTopic($"Topic {i}")]), etag, default)));

        Assert.Single(results, r => r is not null);
    }

    BlobBacklogStore NewStore() =>
        new(new BlobContainerClient(azurite.ConnectionString, "backlog" + Guid.NewGuid().ToString("N")[..12]), "backlog.json");
}
