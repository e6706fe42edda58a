using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>
/// Quotes in the artifact store (<c>_quotes/{quoteId}.json</c>), so both hosts and every instance see the quote a start
/// names. Ids are random (128 bits), so a quote cannot be guessed, only passed on. Every quote made is stored and none
/// is used after a day, so saving one also sweeps out those past <see cref="Lifetime"/> + <see cref="PurgeGrace"/>
/// (at most once per <see cref="SweepInterval"/> per process, at most <see cref="MaxPurgedPerSweep"/> at a time).
/// </summary>
public sealed partial class QuoteStore(IArtifactStore store, TimeProvider time, ILogger<QuoteStore> logger)
{
    /// <summary>How long a quote may be used: prices, sources and search results drift.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long an expired quote is kept, so a late start is told it expired rather than that it never existed.</summary>
    public static readonly TimeSpan PurgeGrace = TimeSpan.FromHours(24);

    /// <summary>Least time between two sweeps in one process (a sweep lists the quotes folder).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    /// <summary>Most quotes one sweep deletes, so a quote request never waits on an unbounded backlog; the next sweep goes on.</summary>
    public const int MaxPurgedPerSweep = 200;

    const string Folder = "_quotes/";

    long _nextSweepTicks;

    /// <summary>A new quote id, e.g. <c>q-3fa9c1...</c> (32 hex digits).</summary>
    public static string NewId() => "q-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="quoteId"/> has the shape of an id this server issues (nothing else reaches the store).</summary>
    public static bool IsValidId(string? quoteId) => quoteId is not null && IdRegex().IsMatch(quoteId);

    /// <summary>Stores <paramref name="quote"/>, first sweeping out quotes long expired when a sweep is due.</summary>
    public async Task SaveAsync(EpisodeQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        long now = time.GetUtcNow().UtcTicks;
        long due = Interlocked.Read(ref _nextSweepTicks);
        // One caller per interval wins the sweep; the others save at once.
        if (now >= due && Interlocked.CompareExchange(ref _nextSweepTicks, now + SweepInterval.Ticks, due) == due)
        {
            await SweepAsync(cancellationToken);
        }

        await store.WriteJsonAsync(Name(quote.QuoteId), quote, null, cancellationToken);
    }

    /// <summary>
    /// Deletes quotes written more than <see cref="Lifetime"/> + <see cref="PurgeGrace"/> ago (their write time is their
    /// creation: a quote is never rewritten), at most <see cref="MaxPurgedPerSweep"/>; returns how many.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset cutoff = time.GetUtcNow() - Lifetime - PurgeGrace;
        var expired = new List<string>();
        await foreach (ArtifactInfo info in store.ListAsync(Folder, cancellationToken))
        {
            if (info.LastModified <= cutoff && IsValidId(QuoteIdOf(info.Name)))
            {
                expired.Add(info.Name);
                if (expired.Count == MaxPurgedPerSweep)
                {
                    break;
                }
            }
        }

        foreach (string name in expired)
        {
            await store.DeleteAsync(name, cancellationToken);
        }

        return expired.Count;
    }

    // A failed sweep must not fail the quote being made: it is logged and the next one tries again.
    async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            int purged = await PurgeExpiredAsync(cancellationToken);
            if (purged > 0)
            {
                Logs.QuotesPurged(logger, purged, store.Location);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logs.QuotePurgeFailed(logger, ex, ex.Message);
        }
    }

    static string QuoteIdOf(string name) =>
        name.StartsWith(Folder, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) ? name[Folder.Length..^".json".Length] : "";

    /// <summary>The quote, or null when the id is malformed or unknown.</summary>
    public async Task<EpisodeQuote?> FindAsync(string quoteId, CancellationToken cancellationToken) =>
        IsValidId(quoteId) ? await store.ReadJsonIfExistsAsync<EpisodeQuote>(Name(quoteId), cancellationToken) : null;

    /// <summary>Keeps a copy of the quote an episode runs under beside its artifacts, for the manifest's quote-vs-actual.</summary>
    public Task AttachAsync(string episodeId, EpisodeQuote quote, CancellationToken cancellationToken) =>
        store.WriteJsonAsync(Attached(episodeId), quote, null, cancellationToken);

    /// <summary>The quote <paramref name="episodeId"/> was started with, or null.</summary>
    public static Task<EpisodeQuote?> ReadAttachedAsync(IArtifactStore store, string episodeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ReadJsonIfExistsAsync<EpisodeQuote>(Attached(episodeId), cancellationToken);
    }

    static string Attached(string episodeId) => $"{episodeId}/quote.json";

    static string Name(string quoteId) => $"{Folder}{quoteId}.json";

    [GeneratedRegex("^q-[0-9a-f]{32}$")]
    private static partial Regex IdRegex();
}
