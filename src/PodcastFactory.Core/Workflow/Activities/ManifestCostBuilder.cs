using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Builds the cost section of <c>manifest.json</c> from the cost journal and the orchestrators' ledger lines.</summary>
public static class ManifestCostBuilder
{
    /// <summary>
    /// The manifest's costs: totals and per agent from the journal (every attempt of every run), the orchestrators'
    /// ledger lines by stage as they are. The journal is the truth; the ledger can only know less.
    /// </summary>
    public static ManifestCosts Build(IReadOnlyList<LedgerEntry> calls, CostJournal journal)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(journal);
        var ledger = new CostLedger();
        foreach (LedgerEntry entry in calls)
        {
            ledger.Record(entry.Stage, entry.Usage);
        }

        if (journal.Attempts.Count == 0)
        {
            return new ManifestCosts(ledger.TotalUsd, ledger.ByAgent(), calls, ledger.PaidUsd, ledger.TotalUsd - ledger.PaidUsd, [], null);
        }

        List<JournalEntry> all = journal.Attempts.SelectMany(a => a.Calls).ToList();
        var counts = new JournaledCallCounts(
            all.Count(c => c.State == PaidCallState.Answered),
            all.Count(c => c.State is PaidCallState.NotBilled or PaidCallState.Waiting),
            all.Count(c => c.PossiblyBilled),
            journal.Attempts.Count,
            journal.Attempts.Count(a => a.Outcome == AttemptOutcome.Failed));
        // Reuses are not calls, so the journal has none: they come from the orchestrator's ledger.
        List<AgentCostSummary> byAgent = journal.ByAgent()
            .Select(a => a with { CacheHits = calls.Count(c => c.Usage.Agent == a.Agent && c.Usage.CacheHit) })
            .ToList();
        return new ManifestCosts(journal.TotalUsd, byAgent, calls, journal.PaidUsd, journal.PossiblyBilledUsd, journal.PossiblyBilled(), counts);
    }

    /// <summary>Stage times come from the orchestration clock, which runs on through a crash: the downtime is taken out.</summary>
    public static List<StageRecord> WithoutDowntime(IReadOnlyList<StageRecord> stages, IReadOnlyList<Interruption> interruptions) =>
        stages.Select(s =>
        {
            double down = CostJournal.DowntimeWithin(interruptions, new DateTimeOffset(DateTime.SpecifyKind(s.StartedAt, DateTimeKind.Utc)), s.DurationMs);
            return down > 0 ? s with { DurationMs = s.DurationMs - down, DowntimeMs = down } : s;
        }).ToList();
}
