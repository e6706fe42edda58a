using Microsoft.DurableTask;
using PodcastFactory.Core.Diagnostics;

// Logging here goes through EpisodeRun.Log, which is the context's CreateReplaySafeLogger(); the analyzer cannot follow
// a logger through a property, so its rule is silenced for this file only.
#pragma warning disable DURABLE0010

namespace PodcastFactory.Core.Workflow;

/// <summary>The episode's failure and budget rules, applied around the orchestrator's calls.</summary>
internal static class StageGuards
{
    // Critical stages fail the episode with the stage and the reason named.
    public static async Task<T> Critical<T>(EpisodeRun run, StageClock stage, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TaskFailedException ex)
        {
            string reason = FailureReasons.Of(ex.FailureDetails);
            run.Fail(stage, reason, warn: false);
            throw new EpisodeStageFailedException(stage.Name, reason, ex);
        }
    }

    // Spending is checked before a call is made, never after.
    public static async Task EnsureBudgetAsync(EpisodeRun run, StageClock stage, decimal estimate)
    {
        if (await run.OverBudgetAsync(estimate))
        {
            string reason = BudgetMessage(run, estimate);
            Logs.BudgetStop(run.Log, run.Id, stage.Name, reason);
            run.Fail(stage, reason, warn: false);
            throw new EpisodeStageFailedException(stage.Name, reason);
        }
    }

    public static string BudgetMessage(EpisodeRun run, decimal estimate) => EpisodeRun.Invariant(
        $"budget of ${run.Input.Request.BudgetUsd:0.####} would be exceeded (spent ${run.SpentUsd:0.####}, next work estimated at ${estimate:0.####})");

    // Optional stages fail soft: the reason becomes a warning and the episode goes on with what it has.
    public static async Task<T?> Optional<T>(EpisodeRun run, StageClock stage, Func<Task<T>> call)
        where T : class?
    {
        try
        {
            return await call();
        }
        catch (TaskFailedException ex)
        {
            run.Fail(stage, FailureReasons.Of(ex.FailureDetails), warn: true);
            return default;
        }
    }

    // An optional stage that has not started is skipped when its estimate, beside what another stage has reserved,
    // would exceed the budget.
    public static async Task<bool> SkipOverBudgetAsync(EpisodeRun run, string stage, decimal estimate, decimal reserved = 0m)
    {
        if (!await run.OverBudgetAsync(estimate + reserved))
        {
            return false;
        }

        // What was reserved cannot be paid either (the audio will stop at its own check): the stage only needs to fit alone.
        decimal budget = run.Input.Request.BudgetUsd ?? decimal.MaxValue;
        if (reserved > 0 && run.SpentUsd + reserved > budget && run.SpentUsd + estimate <= budget)
        {
            return false;
        }

        string reason = reserved > 0
            ? BudgetMessage(run, estimate) + EpisodeRun.Invariant($"; the audio's speech (${reserved:0.####}) comes first")
            : BudgetMessage(run, estimate);
        Logs.BudgetStop(run.Log, run.Id, stage, reason);
        run.Skip(stage, reason, warn: true);
        return true;
    }

    // An optional stage that has started fails soft when its next work would exceed the budget.
    public static async Task<bool> FailOverBudgetAsync(EpisodeRun run, StageClock stage, decimal estimate)
    {
        if (!await run.OverBudgetAsync(estimate))
        {
            return false;
        }

        string reason = BudgetMessage(run, estimate);
        Logs.BudgetStop(run.Log, run.Id, stage.Name, reason);
        run.Fail(stage, reason, warn: true);
        return true;
    }
}
