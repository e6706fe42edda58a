using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Costs;

public sealed class ManifestQuoteTests
{
    static AgentUsage Usage(decimal usd, decimal possiblyBilled = 0m) => new("agent", "openai", "gpt-4o-mini", 100, 50, "tokens", 1, usd, PossiblyBilledUsd: possiblyBilled);

    [Fact]
    public void Of_SumsTheLedgerPerQuotedStage_CountingPossiblyBilledCalls()
    {
        var quote = new EpisodeQuote("q-00000000000000000000000000000001", "hash", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1),
            [new QuoteStage("research", 3, 3, 0.003m, 0.006m), new QuoteStage("script", 1, 3, 0.001m, 0.006m), new QuoteStage("social", 1, 1, 0.0003m, 0.0007m)],
            0.0043m, 0.0032m, 0.0127m, new QuoteAssumptions("gpt-4o-mini", null, 0.15m, 0.6m, 0m, 750, 938, 8, 9000, 3, 2));
        LedgerEntry[] ledger = [new("research", Usage(0.001m)), new("research", Usage(0.001m)), new("research", Usage(0m, 0.002m)), new("script", Usage(0.0012m))];

        ManifestQuote result = ManifestQuote.Of(quote, ledger);

        Assert.Equal([0.004m, 0.0012m, 0m], result.Stages.Select(s => s.ActualUsd));
        Assert.Equal([0.003m, 0.001m, 0.0003m], result.Stages.Select(s => s.QuotedUsd));
        Assert.Equal(0.0052m, result.ActualUsd);
        Assert.Equal(0.0127m, result.HighUsd);
    }
}
