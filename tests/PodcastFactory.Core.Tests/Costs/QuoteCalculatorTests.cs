using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Costs;

public sealed class QuoteCalculatorTests
{
    static readonly PriceTable _prices = new(Options.Create(new PricingOptions()), NullLogger<PriceTable>.Instance);

    static QuoteCalculator Priced() =>
        new(_prices, new QuoteModels("gpt-4o-mini", null), new PricedCostEstimator(_prices, "gpt-4o-mini", null));

    // The bills the bench's estimates scenario measured (docs/benchmarks.md, "Quotes against the bill"): the
    // sample source (8,772 characters), standard depth, audio and social, on the fake provider billing four characters a token.
    [Theory]
    [InlineData(1, 0.004238)]
    [InlineData(5, 0.005759)]
    [InlineData(10, 0.007583)]
    public void Compute_BenchEpisode_ExpectedIsWithinTheCalibrationBandOfTheMeasuredBill(int minutes, double billedUsd)
    {
        var request = new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = minutes, Research = ResearchMode.Sources };

        var quote = Priced().Compute(request, new QuoteBasis(8772, 600));

        double ratio = (double)quote.TotalUsd / billedUsd;
        Assert.InRange(ratio, 0.75, 1.25);
    }

    [Fact]
    public void Compute_EveryStage_ExpectedAtMostHigh_AndHighAllowsEveryRevision()
    {
        var request = new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = 5, MaxRevisions = 2, Research = ResearchMode.Sources };
        CostEstimates perCall = new PricedCostEstimator(_prices, "gpt-4o-mini", null).Estimate(request, 8772);

        var quote = Priced().Compute(request, new QuoteBasis(8772, 600));

        Assert.Equal(["research", "script", "review", "social", "audio"], quote.Stages.Select(s => s.Stage));
        Assert.All(quote.Stages, s => Assert.True(s.ExpectedUsd <= s.HighUsd, $"{s.Stage}: {s.ExpectedUsd} > {s.HighUsd}"));
        Assert.Equal(3 * perCall.ScriptCallUsd, quote.Stages.Single(s => s.Stage == "script").HighUsd);
        Assert.Equal(3 * perCall.ReviewCallUsd, quote.Stages.Single(s => s.Stage == "review").HighUsd);
        Assert.Equal(quote.Stages.Sum(s => s.HighUsd), quote.HighUsd);
        Assert.True(quote.LowUsd < quote.TotalUsd && quote.TotalUsd < quote.HighUsd, $"{quote.LowUsd} {quote.TotalUsd} {quote.HighUsd}");
        Assert.Equal(750, quote.Assumptions.Words);
        Assert.Equal(8, quote.Assumptions.Segments);
        Assert.Equal(0.15m, quote.Assumptions.InputPerMillionTokens);
    }

    [Fact]
    public void Compute_AudioOnly_HasNoSocialStage_AndLargerSourcesCostMoreResearch()
    {
        var request = new EpisodeRequest { Topic = "Durable workflows", Priority = OutputPriority.Audio, Research = ResearchMode.Sources };

        var small = Priced().Compute(request, new QuoteBasis(4_000, 600));
        var large = Priced().Compute(request, new QuoteBasis(400_000, 600));

        Assert.DoesNotContain(small.Stages, s => s.Stage == "social");
        Assert.True(large.Stages[0].ExpectedUsd > 10 * small.Stages[0].ExpectedUsd, $"{large.Stages[0].ExpectedUsd} vs {small.Stages[0].ExpectedUsd}");
    }

    [Fact]
    public void Compute_OfflineProviders_CostNothing()
    {
        var calculator = new QuoteCalculator(_prices, new QuoteModels(null, null), new FreeCostEstimator());

        var quote = calculator.Compute(new EpisodeRequest { Topic = "Durable workflows" }, new QuoteBasis(10_000, 600));

        Assert.Equal(0m, quote.HighUsd);
        Assert.Null(quote.Assumptions.TextModel);
        Assert.NotEmpty(quote.Stages);
    }
}
