using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>
/// Quotes in the artifact store (<c>_quotes/{quoteId}.json</c>), so both hosts and every instance see the quote a start
/// names. Ids are random (128 bits), so a quote cannot be guessed, only passed on.
/// </summary>
public sealed partial class QuoteStore(IArtifactStore store)
{
    /// <summary>How long a quote may be used: prices, sources and search results drift.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A new quote id, e.g. <c>q-3fa9c1...</c> (32 hex digits).</summary>
    public static string NewId() => "q-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="quoteId"/> has the shape of an id this server issues (nothing else reaches the store).</summary>
    public static bool IsValidId(string? quoteId) => quoteId is not null && IdRegex().IsMatch(quoteId);

    /// <summary>Stores <paramref name="quote"/>.</summary>
    public Task SaveAsync(EpisodeQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return store.WriteJsonAsync(Name(quote.QuoteId), quote, null, cancellationToken);
    }

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

    static string Name(string quoteId) => $"_quotes/{quoteId}.json";

    [GeneratedRegex("^q-[0-9a-f]{32}$")]
    private static partial Regex IdRegex();
}
