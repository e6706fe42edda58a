using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Costs;

public sealed class QuoteCalculatorTests
{
    static readonly PriceTable _prices = new(Options.Create(new PricingOptions()), NullLogger<PriceTable>.Instance);

    // A model writer: it has a polish pass (no reason to skip it), so the quote prices the rewrite and its review.
    static readonly IScriptAgent _modelWriter = Mock.Of<IScriptAgent>(w => w.NoPolishReason == null);

    static QuoteCalculator Priced() =>
        new(_prices, new QuoteModels("gpt-4o-mini", null), new PricedCostEstimator(_prices, "gpt-4o-mini", null), _modelWriter);

    // The bills the bench's estimates scenario measured (docs/benchmarks.md, "Quotes against the bill"): the
    // sample source (8,772 characters), standard depth, audio and social, polish on (8 calls: 3 research, script,
    // review, the polish rewrite and its review, social), on the fake provider billing four characters a token.
    [Theory]
    [InlineData(1, 0.005832)]
    [InlineData(5, 0.008874)]
    [InlineData(10, 0.012523)]
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

        Assert.Equal(["research", "script", "review", "polish", "social", "audio"], quote.Stages.Select(s => s.Stage));
        Assert.All(quote.Stages, s => Assert.True(s.ExpectedUsd <= s.HighUsd, $"{s.Stage}: {s.ExpectedUsd} > {s.HighUsd}"));
        Assert.Equal(3 * perCall.ScriptCallUsd, quote.Stages.Single(s => s.Stage == "script").HighUsd);
        Assert.Equal(3 * perCall.ReviewCallUsd, quote.Stages.Single(s => s.Stage == "review").HighUsd);
        Assert.Equal(perCall.ScriptCallUsd + perCall.ReviewCallUsd, quote.Stages.Single(s => s.Stage == "polish").HighUsd);
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
        var calculator = new QuoteCalculator(_prices, new QuoteModels(null, null), new FreeCostEstimator(), new OfflineScriptAgent());

        var quote = calculator.Compute(new EpisodeRequest { Topic = "Durable workflows" }, new QuoteBasis(10_000, 600));

        Assert.Equal(0m, quote.HighUsd);
        Assert.Null(quote.Assumptions.TextModel);
        Assert.NotEmpty(quote.Stages);
    }

    [Fact]
    public void Compute_ModelWriter_PricesPolishAsARewriteAndAReviewOfTheScript()
    {
        var request = new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = 5, Research = ResearchMode.Sources };

        var quote = Priced().Compute(request, new QuoteBasis(8772, 600));

        QuoteStage polish = quote.Stages.Single(s => s.Stage == "polish");
        QuoteStage review = quote.Stages.Single(s => s.Stage == "review");
        Assert.Null(polish.Skipped);
        Assert.Equal((2, 2), (polish.Calls, polish.MaxCalls));
        // The rewrite reads and writes the whole script, so it costs more than the review it is followed by.
        Assert.True(polish.ExpectedUsd > 2 * review.ExpectedUsd, $"polish {polish.ExpectedUsd} vs review {review.ExpectedUsd}");
        Assert.Equal(quote.Stages.Sum(s => s.ExpectedUsd), quote.TotalUsd);
    }

    [Fact]
    public void Compute_PolishOff_PolishIsASkipThatCostsNothing()
    {
        var request = new EpisodeRequest { Topic = "Durable workflows", Research = ResearchMode.Sources, Polish = false };

        var withPolish = Priced().Compute(request with { Polish = true }, new QuoteBasis(8772, 600));
        var quote = Priced().Compute(request, new QuoteBasis(8772, 600));

        QuoteStage polish = quote.Stages.Single(s => s.Stage == "polish");
        Assert.Equal(QuoteCalculator.PolishNotRequested, polish.Skipped);
        Assert.Equal((0, 0, 0m, 0m), (polish.Calls, polish.MaxCalls, polish.ExpectedUsd, polish.HighUsd));
        Assert.True(quote.TotalUsd < withPolish.TotalUsd && quote.HighUsd < withPolish.HighUsd, $"{quote.TotalUsd} / {withPolish.TotalUsd}");
    }

    [Fact]
    public void Compute_WriterWithoutPolishPass_PolishIsSkippedWithTheWritersReason()
    {
        var calculator = new QuoteCalculator(_prices, new QuoteModels("gpt-4o-mini", null), new PricedCostEstimator(_prices, "gpt-4o-mini", null), new OfflineScriptAgent());

        var quote = calculator.Compute(new EpisodeRequest { Topic = "Durable workflows", Research = ResearchMode.Sources }, new QuoteBasis(8772, 600));

        QuoteStage polish = quote.Stages.Single(s => s.Stage == "polish");
        Assert.Equal(OfflineScriptAgent.PassThroughReason, polish.Skipped);
        Assert.Equal(0m, polish.HighUsd);
    }
}
