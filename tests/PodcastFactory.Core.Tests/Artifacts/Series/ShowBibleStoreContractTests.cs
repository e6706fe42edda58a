using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Artifacts.Series;

/// <summary>
/// The <see cref="IShowBibleStore"/> contract with <see cref="ShowBibles.AppendAsync"/> on top, run against every
/// implementation (file system here, Blob Storage on Azurite in the integration tests) by a derived class.
/// </summary>
public abstract class ShowBibleStoreContractTests : IAsyncLifetime
{
    protected const string Show = "weekly-show";

    protected IShowBibleStore Store { get; private set; } = null!;

    protected abstract Task<IShowBibleStore> CreateStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => CleanUpAsync();

    internal static BibleEpisode Entry(string id, params string[] claims) =>
        new(0, id, "Episode " + id, "What " + id + " said.", ["A point of " + id], claims.Length == 0 ? ["hash-" + id] : claims);

    [Fact]
    public async Task ReadAsync_NoBible_ReadsEmptyWithoutETag()
    {
        BibleSnapshot snapshot = await Store.ReadAsync(Show, CancellationToken.None);

        Assert.Empty(snapshot.Bible.Episodes);
        Assert.Equal((Show, 1), (snapshot.Bible.Show, snapshot.Bible.NextNumber));
        Assert.Null(snapshot.ETag);
    }

    [Fact]
    public async Task AppendAsync_TwoEpisodes_NumbersThemInOrderAndKeepsTheirClaims()
    {
        BibleEpisode first = await Store.AppendAsync(Show, Entry("ep-a", "h1", "h2"), CancellationToken.None);
        BibleEpisode second = await Store.AppendAsync(Show, Entry("ep-b", "h3"), CancellationToken.None);

        Assert.Equal((1, 2), (first.Number, second.Number));
        ShowBible bible = (await Store.ReadAsync(Show, CancellationToken.None)).Bible;
        Assert.Equal(["ep-a", "ep-b"], bible.Episodes.Select(e => e.EpisodeId));
        Assert.Equal(["h1", "h2"], bible.Episodes[0].Claims);
        Assert.Equal(3, bible.NextNumber);
    }

    [Fact]
    public async Task AppendAsync_SameEpisodeAgain_WritesNothingAndReturnsTheStoredEntry()
    {
        await Store.AppendAsync(Show, Entry("ep-a"), CancellationToken.None);
        string? etag = (await Store.ReadAsync(Show, CancellationToken.None)).ETag;

        BibleEpisode again = await Store.AppendAsync(Show, Entry("ep-a") with { Title = "A replay's title" }, CancellationToken.None);

        Assert.Equal(("Episode ep-a", 1), (again.Title, again.Number));
        BibleSnapshot after = await Store.ReadAsync(Show, CancellationToken.None);
        Assert.Single(after.Bible.Episodes);
        Assert.Equal(etag, after.ETag);
    }

    [Fact]
    public async Task AppendAsync_EightEpisodesFinishingAtOnce_KeepsEveryEntryWithDistinctNumbers()
    {
        BibleEpisode[] appended = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.AppendAsync(Show, Entry($"ep-{i}"), CancellationToken.None))));

        ShowBible bible = (await Store.ReadAsync(Show, CancellationToken.None)).Bible;
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"ep-{i}").Order(), bible.Episodes.Select(e => e.EpisodeId).Order());
        Assert.Equal(Enumerable.Range(1, 8), bible.Episodes.Select(e => e.Number).Order());
        Assert.Equal(Enumerable.Range(1, 8), appended.Select(e => e.Number).Order());
        Assert.Equal(9, bible.NextNumber);
    }

    [Fact]
    public async Task TryWriteAsync_StaleETag_RefusesAndKeepsTheNewerBible()
    {
        await Store.AppendAsync(Show, Entry("ep-a"), CancellationToken.None);
        BibleSnapshot read = await Store.ReadAsync(Show, CancellationToken.None);
        await Store.AppendAsync(Show, Entry("ep-b"), CancellationToken.None);

        string? stale = await Store.TryWriteAsync(read.Bible.Append(Entry("ep-lost")), read.ETag, CancellationToken.None);

        Assert.Null(stale);
        Assert.Equal(["ep-a", "ep-b"], (await Store.ReadAsync(Show, CancellationToken.None)).Bible.Episodes.Select(e => e.EpisodeId));
    }

    [Fact]
    public async Task TryWriteAsync_CreateWhenOneExists_Refuses()
    {
        await Store.AppendAsync(Show, Entry("ep-a"), CancellationToken.None);

        Assert.Null(await Store.TryWriteAsync(ShowBible.Empty(Show), null, CancellationToken.None));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("Upper")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("-leading")]
    public async Task ReadAndAppend_NotAShowId_RefusedBeforeAnyPathIsBuilt(string show)
    {
        await Assert.ThrowsAsync<NonRetryableException>(() => Store.ReadAsync(show, CancellationToken.None));
        await Assert.ThrowsAsync<NonRetryableException>(() => Store.AppendAsync(show, Entry("ep-a"), CancellationToken.None));
    }
}
