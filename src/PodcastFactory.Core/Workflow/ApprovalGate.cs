using PodcastFactory.Core.Models;
using static PodcastFactory.Core.Workflow.EpisodeRun;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// What happens after the quality gate: a failed gate spends nothing on speech unless the request says to continue;
/// with approval configured a person decides (a durable external event with a timeout).
/// </summary>
internal static class ApprovalGate
{
    public static async Task<bool> ProceedAsync(EpisodeRun run, bool passed)
    {
        EpisodeRequest request = run.Input.Request;
        if (request.RequireApproval)
        {
            StageClock stage = run.Begin(Stages.Approval);
            try
            {
                ApprovalDecision decision = await run.Context.WaitForExternalEvent<ApprovalDecision>(
                    ApprovalDecision.EventName, TimeSpan.FromHours(request.ApprovalTimeoutHours));
                run.Complete(stage, Invariant($"{(decision.Approved ? "approved" : "rejected")} by {decision.Reviewer ?? "unknown"}: {decision.Comment}"));
                return decision.Approved;
            }
            catch (TaskCanceledException)
            {
                run.Fail(stage, Invariant($"no decision within {request.ApprovalTimeoutHours} h"), warn: true);
                return false;
            }
        }

        if (!passed && request.ContinueOnFailedReview)
        {
            run.Warn("review: the script failed its last review; continuing as the request asked.");
            return true;
        }

        return passed;
    }
}
