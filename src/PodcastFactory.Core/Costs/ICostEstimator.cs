using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs;

/// <summary>Estimates the cost of an episode's calls before they are made, so the budget can be enforced.</summary>
public interface ICostEstimator
{
    /// <summary>
    /// Estimates per-call costs for the configured providers; <paramref name="sourceCharacters"/> is what one research
    /// call will carry: the captured sources, and the web pages an angle may read (<see cref="Sources.Web.WebResearchPlan.ExpectedCharacters"/>).
    /// </summary>
    CostEstimates Estimate(EpisodeRequest request, long sourceCharacters);
}

/// <summary>Offline providers cost nothing.</summary>
public sealed class FreeCostEstimator : ICostEstimator
{
    /// <inheritdoc />
    public CostEstimates Estimate(EpisodeRequest request, long sourceCharacters) => CostEstimates.Free;
}
