using System.Globalization;
using Microsoft.DurableTask;

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
            run.Fail(stage, ex.FailureDetails.ErrorMessage, warn: false);
            throw new EpisodeStageFailedException(stage.Name, ex.FailureDetails.ErrorMessage, ex);
        }
    }

    // Spending is checked before a call is made, never after.
    public static void EnsureBudget(EpisodeRun run, StageClock stage, decimal estimate)
    {
        if (run.OverBudget(estimate))
        {
            string reason = BudgetMessage(run, estimate);
            run.Fail(stage, reason, warn: false);
            throw new EpisodeStageFailedException(stage.Name, reason);
        }
    }

    public static string BudgetMessage(EpisodeRun run, decimal estimate) => Invariant(
        $"budget of ${run.Input.Request.BudgetUsd:0.####} would be exceeded (spent ${run.Ledger.TotalUsd:0.####}, next work estimated at ${estimate:0.####})");

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
