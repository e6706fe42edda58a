using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow.Quotes;

namespace PodcastFactory.Core.Tests.Workflow.Quotes;

/// <summary>Expired quotes leave the file store: swept when a quote is saved, and only once they are past their grace.</summary>
public sealed class QuoteStoreTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-quotes-" + Guid.NewGuid().ToString("N"));
    readonly FileSystemArtifactStore _files;

    public QuoteStoreTests() => _files = new FileSystemArtifactStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    QuoteStore NewStore() => new(_files, TimeProvider.System, NullLogger<QuoteStore>.Instance);

    static EpisodeQuote Quote(DateTimeOffset createdAt) => new(QuoteStore.NewId(), "hash", createdAt, createdAt + QuoteStore.Lifetime, [], 0m, 0m, 0m,
        new QuoteAssumptions(null, null, 0m, 0m, 0m, 750, 938, 8, 9000, 3, 2));

    // A quote file as it would be after sitting in the store for `age` (its write time is its creation).
    async Task<string> SaveAgedAsync(TimeSpan age)
    {
        DateTimeOffset created = DateTimeOffset.UtcNow - age;
        EpisodeQuote quote = Quote(created);
        await _files.WriteJsonAsync($"_quotes/{quote.QuoteId}.json", quote, null, CancellationToken.None);
        File.SetLastWriteTimeUtc(Path.Combine(_root, "_quotes", quote.QuoteId + ".json"), created.UtcDateTime);
        return quote.QuoteId;
    }

    [Fact]
    public async Task SaveAsync_QuotesPastLifetimeAndGrace_AreDeleted_YoungerOnesStay()
    {
        string old = await SaveAgedAsync(QuoteStore.Lifetime + QuoteStore.PurgeGrace + TimeSpan.FromHours(1));
        string expiredInGrace = await SaveAgedAsync(QuoteStore.Lifetime + TimeSpan.FromHours(1));
        string live = await SaveAgedAsync(TimeSpan.FromHours(1));
        QuoteStore store = NewStore();
        EpisodeQuote fresh = Quote(DateTimeOffset.UtcNow);

        await store.SaveAsync(fresh, CancellationToken.None);

        Assert.Null(await store.FindAsync(old, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(_root, "_quotes", old + ".json")));
        // Expired but within grace: still readable, so a late start hears "expired" rather than "no quote".
        Assert.NotNull(await store.FindAsync(expiredInGrace, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(live, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(fresh.QuoteId, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeExpiredAsync_ManyExpired_DeletesAtMostTheBoundPerSweep_ThenTheRest()
    {
        TimeSpan age = QuoteStore.Lifetime + QuoteStore.PurgeGrace + TimeSpan.FromMinutes(5);
        for (int i = 0; i < QuoteStore.MaxPurgedPerSweep + 3; i++)
        {
            await SaveAgedAsync(age);
        }

        QuoteStore store = NewStore();

        Assert.Equal(QuoteStore.MaxPurgedPerSweep, await store.PurgeExpiredAsync(CancellationToken.None));
        Assert.Equal(3, await store.PurgeExpiredAsync(CancellationToken.None));
        Assert.Equal(0, await store.PurgeExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PurgeExpiredAsync_LeavesOtherFilesInTheFolderAlone()
    {
        await _files.WriteTextAsync("_quotes/notes.json", "{}", null, CancellationToken.None);
        File.SetLastWriteTimeUtc(Path.Combine(_root, "_quotes", "notes.json"), DateTime.UtcNow.AddDays(-30));

        Assert.Equal(0, await NewStore().PurgeExpiredAsync(CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(_root, "_quotes", "notes.json")));
    }
}
