using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Tests.Workflow.Shows;

/// <summary>Shows on the file store: conditional create and replace by ETag, tombstones, listing and purge.</summary>
public sealed class ShowStoreTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-shows-" + Guid.NewGuid().ToString("N")[..8]);
    readonly FileSystemArtifactStore _files;
    readonly ShowStore _store;

    public ShowStoreTests()
    {
        _files = new FileSystemArtifactStore(_root);
        _store = new ShowStore(_files);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    static Show Show(string id, string title = "Title") => new() { Id = id, Title = title, Author = "A" };

    [Fact]
    public async Task CreateAsync_NewId_StoresTheDocumentUnderShowsWithAQuotedETag()
    {
        StoredShow? created = await _store.CreateAsync(Show("daily"), default);

        Assert.NotNull(created);
        Assert.Matches("^\"[0-9a-f]{32}\"$", created.ETag);
        Assert.True(File.Exists(Path.Combine(_root, "_shows", "daily", "show.json")));
        StoredShow? found = await _store.FindAsync("daily", default);
        Assert.Equal(created.ETag, found!.ETag);
        Assert.Equal("Title", found.Show.Title);
    }

    [Fact]
    public async Task CreateAsync_TakenId_ReturnsNullAndKeepsTheFirst()
    {
        await _store.CreateAsync(Show("daily", "First"), default);

        Assert.Null(await _store.CreateAsync(Show("daily", "Second"), default));
        Assert.Equal("First", (await _store.FindAsync("daily", default))!.Show.Title);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ReturnsNullAndKeepsTheNewerEdit()
    {
        StoredShow created = (await _store.CreateAsync(Show("daily"), default))!;
        StoredShow edited = (await _store.ReplaceAsync(Show("daily", "Edited"), created.ETag, default))!;

        Assert.NotEqual(created.ETag, edited.ETag);
        Assert.Null(await _store.ReplaceAsync(Show("daily", "Lost update"), created.ETag, default));
        Assert.Equal("Edited", (await _store.FindAsync("daily", default))!.Show.Title);
    }

    [Fact]
    public async Task ListAsync_DeletedShow_ListedOnlyWithDeleted()
    {
        await _store.CreateAsync(Show("alpha"), default);
        StoredShow beta = (await _store.CreateAsync(Show("beta"), default))!;
        await _store.ReplaceAsync(beta.Show with { DeletedAt = DateTimeOffset.UnixEpoch }, beta.ETag, default);

        Assert.Equal(["alpha"], (await _store.ListAsync(withDeleted: false, default)).Select(s => s.Show.Id));
        Assert.Equal(["alpha", "beta"], (await _store.ListAsync(withDeleted: true, default)).Select(s => s.Show.Id));
    }

    [Fact]
    public async Task PurgeAsync_ShowWithFeed_RemovesBothAndFreesTheId()
    {
        await _store.CreateAsync(Show("daily"), default);
        await _files.WriteTextAsync(ShowStore.FeedName("daily"), "<rss/>", null, default);

        await _store.PurgeAsync("daily", default);

        Assert.Null(await _store.FindAsync("daily", default));
        Assert.Null(await _files.GetInfoAsync(ShowStore.FeedName("daily"), default));
        Assert.NotNull(await _store.CreateAsync(Show("daily"), default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("../secrets")]
    [InlineData("UPPER")]
    public async Task FindAsync_MalformedId_ReturnsNullWithoutReading(string? id) => Assert.Null(await _store.FindAsync(id, default));
}
