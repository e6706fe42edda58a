using DurableTask.Core;

namespace PodcastFactory.Local.Backends;

/// <summary>
/// Wraps an orchestration service and raises its concurrency caps. The in-memory service caps concurrent
/// orchestration and activity work items at the processor count and sleeps 500 ms whenever the cap is hit,
/// which turned a 20-way fan-out from 25 ms into 5 s on two cores. Everything else is delegated unchanged.
/// </summary>
public sealed class HighConcurrencyOrchestrationService(IOrchestrationService inner, int maxOrchestrations, int maxActivities)
    : DelegatingOrchestrationService(inner)
{
    /// <inheritdoc />
    public override int MaxConcurrentTaskOrchestrationWorkItems => maxOrchestrations;

    /// <inheritdoc />
    public override int MaxConcurrentTaskActivityWorkItems => maxActivities;
}
