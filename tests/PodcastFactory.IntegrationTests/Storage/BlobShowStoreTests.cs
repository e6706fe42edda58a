using Azure.Storage.Blobs;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.IntegrationTests.Storage;

/// <summary>Show documents on Blob Storage (Azurite): the blob's own ETag guards creates and edits, and purge removes the feed too.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobShowStoreTests(AzuriteFixture azurite)
{
    static Show Show(string title) => new() { Id = "blob-show", Title = title, Author = "A" };

    [Fact]
    public async Task CreateAndReplace_StaleETagOrTakenId_AreRefusedAndTheNewerEditKept()
    {
        var store = new ShowStore(NewArtifactStore());
        StoredShow created = (await store.CreateAsync(Show("First"), default))!;

        StoredShow? edited = await store.ReplaceAsync(Show("Edited"), created.ETag, default);
        StoredShow? stale = await store.ReplaceAsync(Show("Lost update"), created.ETag, default);
        StoredShow? again = await store.CreateAsync(Show("Second create"), default);

        Assert.StartsWith("\"", created.ETag, StringComparison.Ordinal);
        Assert.NotNull(edited);
        Assert.Null(stale);
        Assert.Null(again);
        StoredShow found = (await store.FindAsync("blob-show", default))!;
        Assert.Equal("Edited", found.Show.Title);
        Assert.Equal(edited.ETag, found.ETag);
    }

    [Fact]
    public async Task Replace_ConcurrentWritersWithTheSameETag_OnlyOneWins()
    {
        var store = new ShowStore(NewArtifactStore());
        StoredShow created = (await store.CreateAsync(Show("First"), default))!;

        StoredShow?[] results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.ReplaceAsync(Show($"Writer {i}"), created.ETag, default)));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task ListAndPurge_TombstonedShowWithFeed_ListedWithDeletedThenGoneWithItsFeed()
    {
        BlobArtifactStore artifacts = NewArtifactStore();
        var store = new ShowStore(artifacts);
        StoredShow created = (await store.CreateAsync(Show("First"), default))!;
        await store.ReplaceAsync(created.Show with { DeletedAt = DateTimeOffset.UnixEpoch }, created.ETag, default);
        await artifacts.WriteTextAsync(ShowStore.FeedName("blob-show"), "<rss/>", null, default);

        Assert.Empty(await store.ListAsync(withDeleted: false, default));
        Assert.Single(await store.ListAsync(withDeleted: true, default));
        await store.PurgeAsync("blob-show", default);

        Assert.Null(await store.FindAsync("blob-show", default));
        Assert.Null(await artifacts.GetInfoAsync(ShowStore.FeedName("blob-show"), default));
    }

    BlobArtifactStore NewArtifactStore() =>
        new(new BlobContainerClient(azurite.ConnectionString, "shows" + Guid.NewGuid().ToString("N")[..12]));
}
