using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs;

/// <summary>Estimates the cost of an episode's calls before they are made, so the budget can be enforced.</summary>
public interface ICostEstimator
{
    /// <summary>Estimates per-call costs for the configured providers.</summary>
    CostEstimates Estimate(EpisodeRequest request);
}

/// <summary>Offline providers cost nothing.</summary>
public sealed class FreeCostEstimator : ICostEstimator
{
    /// <inheritdoc />
    public CostEstimates Estimate(EpisodeRequest request) => CostEstimates.Free;
}
