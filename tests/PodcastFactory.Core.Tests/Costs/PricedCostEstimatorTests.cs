using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Costs;

public sealed class PricedCostEstimatorTests
{
    static readonly PriceTable _prices = new(Microsoft.Extensions.Options.Options.Create(new PodcastFactory.Core.Configuration.PricingOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<PriceTable>.Instance);

    [Fact]
    public void Estimate_LargerCapturedSources_ResearchEstimateGrowsWithTheirSize()
    {
        var estimator = new PricedCostEstimator(_prices, "gpt-4o-mini", null);
        var request = new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = 5 };

        CostEstimates small = estimator.Estimate(request, sourceCharacters: 4_000);
        CostEstimates large = estimator.Estimate(request, sourceCharacters: 400_000);

        Assert.True(large.ResearchCallUsd > small.ResearchCallUsd * 5, $"{large.ResearchCallUsd} vs {small.ResearchCallUsd}");
        Assert.Equal(small.ScriptCallUsd, large.ScriptCallUsd);
    }

    [Fact]
    public void Estimate_ResearchCall_IsThePromptAtItsSizeAndTheAnswerAtItsCap()
    {
        var estimator = new PricedCostEstimator(_prices, "gpt-4o-mini", null);

        CostEstimates estimates = estimator.Estimate(new EpisodeRequest { Topic = "t" }, sourceCharacters: 40_000);

        long prompt = OutputTokenCaps.PromptTokens(PricedCostEstimator.InstructionCharacters + 40_000, 2);
        decimal expected = _prices.Text("gpt-4o-mini", prompt, OutputTokenCaps.Research);
        Assert.Equal(Math.Round(expected, 6, MidpointRounding.ToPositiveInfinity), estimates.ResearchCallUsd);
    }

    [Fact]
    public void Script_LongerEpisode_HigherCap()
    {
        Assert.True(OutputTokenCaps.Script(10) > OutputTokenCaps.Script(5));
        // Room for the upper word tolerance of a 5-minute script: 5 x 150 words x 1.25 x 1.6 tokens.
        Assert.True(OutputTokenCaps.Script(5) >= 1500);
    }
}
