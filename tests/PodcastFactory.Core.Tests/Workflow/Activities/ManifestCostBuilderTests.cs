using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class ManifestCostBuilderTests
{
    static readonly DateTimeOffset _t0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    static JournalEntry Answered(string agent, decimal cost, int seconds) =>
        new(1, agent, "azure-openai", "gpt-4o-mini", "tokens", PaidCallState.Answered, 100, 50, cost, cost, 20, _t0.AddSeconds(seconds));

    static JournalAttempt Attempt(string step, AttemptOutcome outcome, int startSecond, int endSecond, params JournalEntry[] calls) =>
        new("ep", step, Guid.NewGuid().ToString("N"), "test", _t0.AddSeconds(startSecond), _t0.AddSeconds(endSecond), outcome, calls);

    static LedgerEntry Line(string stage, string agent, decimal cost, bool cacheHit = false, decimal possiblyBilled = 0m) =>
        new(stage, new AgentUsage(agent, cacheHit ? "cache" : "azure-openai", null, cacheHit ? 0 : 150, 0, "tokens", 20, cost, cacheHit, possiblyBilled));

    [Fact]
    public void Build_NoJournal_TotalsTheLedgerIncludingWhatMayHaveBeenBilled()
    {
        List<LedgerEntry> calls = [Line(Stages.Script, AgentNames.ScriptWriter, 0.02m, possiblyBilled: 0.01m), Line(Stages.Review, AgentNames.Evaluator, 0.005m)];

        ManifestCosts costs = ManifestCostBuilder.Build(calls, new CostJournal([]));

        Assert.Equal(0.035m, costs.TotalUsd);
        Assert.Equal(0.025m, costs.PaidUsd);
        Assert.Equal(0.01m, costs.PossiblyBilledUsd);
        Assert.Null(costs.JournaledCalls);
        Assert.Equal([AgentNames.ScriptWriter, AgentNames.Evaluator], costs.ByAgent.Select(a => a.Agent));
    }

    [Fact]
    public void Build_JournalKnowsAFailedAttemptTheLedgerDoesNot_TotalsFromTheJournalAndCacheHitsFromTheLedger()
    {
        // The script's first attempt was answered, then failed validation; the retry paid again. A later run reused it.
        var journal = new CostJournal(
        [
            Attempt("ep/scripts/script-0.json", AttemptOutcome.Failed, 0, 5, Answered(AgentNames.ScriptWriter, 0.02m, 4)),
            Attempt("ep/scripts/script-0.json", AttemptOutcome.Succeeded, 7, 12, Answered(AgentNames.ScriptWriter, 0.02m, 11)),
        ]);
        List<LedgerEntry> calls = [Line(Stages.Script, AgentNames.ScriptWriter, 0.02m), Line(Stages.Script, AgentNames.ScriptWriter, 0m, cacheHit: true)];

        ManifestCosts costs = ManifestCostBuilder.Build(calls, journal);

        Assert.Equal(0.04m, costs.TotalUsd);
        Assert.Equal(new JournaledCallCounts(Answered: 2, NotBilled: 0, PossiblyBilled: 0, Attempts: 2, FailedAttempts: 1), costs.JournaledCalls);
        AgentCostSummary writer = Assert.Single(costs.ByAgent);
        Assert.Equal((2, 1, 0.04m), (writer.Calls, writer.CacheHits, writer.CostUsd));
        Assert.Same(calls, costs.Calls);
    }

    [Fact]
    public void WithoutDowntime_StageSpanningACrash_LosesTheDowntimeAndRecordsIt()
    {
        // Attempt alive until second 10, the process died, the step started again at second 70: 60 s down.
        var journal = new CostJournal(
        [
            Attempt("ep/audio/x", AttemptOutcome.Unfinished, 0, 10),
            Attempt("ep/audio/x", AttemptOutcome.Succeeded, 70, 80),
        ]);
        List<StageRecord> stages =
        [
            new(Stages.Script, StageStatus.Completed, _t0.UtcDateTime.AddSeconds(-30), 30_000, "ok"),
            new(Stages.Audio, StageStatus.Completed, _t0.UtcDateTime, 80_000, "ok"),
        ];

        List<StageRecord> measured = ManifestCostBuilder.WithoutDowntime(stages, journal.Interruptions());

        Assert.Equal(stages[0], measured[0]);
        Assert.Equal((20_000d, 60_000d), (measured[1].DurationMs, measured[1].DowntimeMs));
    }
}
