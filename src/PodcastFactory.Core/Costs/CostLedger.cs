using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs;

/// <summary>One line of the episode ledger: an agent call attributed to a stage.</summary>
/// <param name="Stage">Workflow stage, e.g. "research", "script", "review", "audio".</param>
/// <param name="Usage">What the call consumed.</param>
public sealed record LedgerEntry(string Stage, AgentUsage Usage);

/// <summary>Per-agent totals in the manifest.</summary>
public sealed record AgentCostSummary(string Agent, int Calls, int CacheHits, long Units, string UnitKind, double DurationMs, decimal CostUsd);

/// <summary>
/// The episode's cost ledger. Built inside the orchestrator from activity results, so it is part of the durable
/// history: a replay rebuilds exactly the same ledger, and a skipped (cached) call is recorded at zero cost.
/// </summary>
public sealed class CostLedger
{
    readonly List<LedgerEntry> _entries = [];

    /// <summary>All entries in the order they were recorded.</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>Total so far that never under-reports: answered calls plus calls that may have been billed.</summary>
    public decimal TotalUsd => _entries.Sum(e => e.Usage.ChargeUsd);

    /// <summary>Cost of the answered calls so far.</summary>
    public decimal PaidUsd => _entries.Sum(e => e.Usage.CostUsd);

    /// <summary>Records one agent call.</summary>
    public void Record(string stage, AgentUsage usage) => _entries.Add(new LedgerEntry(stage, usage));

    /// <summary>Totals per agent, in first-seen order.</summary>
    public IReadOnlyList<AgentCostSummary> ByAgent() =>
        _entries.GroupBy(e => e.Usage.Agent)
            .Select(g => new AgentCostSummary(
                g.Key,
                g.Count(),
                g.Count(e => e.Usage.CacheHit),
                g.Sum(e => e.Usage.TotalUnits),
                g.First().Usage.UnitKind,
                g.Sum(e => e.Usage.DurationMs),
                g.Sum(e => e.Usage.ChargeUsd)))
            .ToList();
}
