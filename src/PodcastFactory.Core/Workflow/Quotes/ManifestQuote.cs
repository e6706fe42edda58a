using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>One stage of the manifest's quote-vs-actual.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="QuotedUsd">The quote's expected figure.</param>
/// <param name="HighUsd">The quote's upper bound.</param>
/// <param name="ActualUsd">What the ledger recorded for the stage (script revisions are made in the review stage, so they count there).</param>
public sealed record ManifestQuoteStage(string Stage, decimal QuotedUsd, decimal HighUsd, decimal ActualUsd);

/// <summary>The manifest's quote section of an episode started with a <c>quoteId</c>: quoted against actual, per stage and in total.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="TotalUsd">Quoted expected total.</param>
/// <param name="HighUsd">Quoted upper bound (the episode's budget).</param>
/// <param name="ActualUsd">The ledger's total.</param>
/// <param name="Stages">Per stage.</param>
public sealed record ManifestQuote(string QuoteId, decimal TotalUsd, decimal HighUsd, decimal ActualUsd, IReadOnlyList<ManifestQuoteStage> Stages)
{
    /// <summary>Compares <paramref name="quote"/> with the <paramref name="ledger"/>, stage by stage in the quote's order.</summary>
    public static ManifestQuote Of(EpisodeQuote quote, IReadOnlyList<LedgerEntry> ledger)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(ledger);
        decimal Actual(string stage) => ledger.Where(e => e.Stage == stage).Sum(e => e.Usage.ChargeUsd);
        return new(quote.QuoteId, quote.TotalUsd, quote.HighUsd, ledger.Sum(e => e.Usage.ChargeUsd),
            quote.Stages.Select(s => new ManifestQuoteStage(s.Stage, s.ExpectedUsd, s.HighUsd, Actual(s.Stage))).ToList());
    }
}
