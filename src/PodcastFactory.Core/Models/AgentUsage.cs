namespace PodcastFactory.Core.Models;

/// <summary>What one agent call consumed: the unit of the cost ledger.</summary>
/// <param name="Agent">Agent name, one of <see cref="AgentNames"/>.</param>
/// <param name="Provider">Provider that served the call (e.g. "offline", "azure-openai", "espeak-ng").</param>
/// <param name="Model">Model or voice engine, when known.</param>
/// <param name="InputUnits">Input tokens (text) or input characters (speech).</param>
/// <param name="OutputUnits">Output tokens (text), 0 for speech.</param>
/// <param name="UnitKind">"tokens" or "characters".</param>
/// <param name="DurationMs">Wall time of the call in milliseconds.</param>
/// <param name="CostUsd">Cost in USD from the price table (0 offline).</param>
/// <param name="CacheHit">True when a previous identical output was reused and no provider was called.</param>
/// <param name="PossiblyBilledUsd">Estimate of calls that were sent but whose answer was lost (a crash, a timeout): they may have been billed.</param>
public sealed record AgentUsage(
    string Agent,
    string Provider,
    string? Model,
    long InputUnits,
    long OutputUnits,
    string UnitKind,
    double DurationMs,
    decimal CostUsd,
    bool CacheHit = false,
    decimal PossiblyBilledUsd = 0m)
{
    /// <summary>What the usage counts for in a total that never under-reports: the cost plus what may have been billed.</summary>
    public decimal ChargeUsd => CostUsd + PossiblyBilledUsd;

    /// <summary>Input plus output units.</summary>
    public long TotalUnits => InputUnits + OutputUnits;
}
