using PodcastFactory.Core.Models;
using static PodcastFactory.Core.Workflow.EpisodeRun;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// What happens after the quality gate: a failed gate spends nothing on speech unless the request says to continue;
/// with approval configured a person decides (a durable external event with a timeout).
/// </summary>
internal static class ApprovalGate
{
    /// <summary>What the gate decided: go on to speech, stop as needs-review, or stop as rejected (with the reason).</summary>
    public sealed record Verdict(bool Proceed, string? RejectedBecause = null);

    public static async Task<Verdict> DecideAsync(EpisodeRun run, bool passed)
    {
        EpisodeRequest request = run.Input.Request;
        if (request.RequireApproval)
        {
            StageClock stage = run.Begin(Stages.Approval);
            try
            {
                ApprovalDecision decision = await run.Context.WaitForExternalEvent<ApprovalDecision>(
                    ApprovalDecision.EventName, TimeSpan.FromHours(request.ApprovalTimeoutHours));
                string summary = Invariant($"{(decision.Approved ? "approved" : "rejected")} by {decision.Reviewer ?? "unknown"}: {decision.Comment}");
                run.Complete(stage, summary);
                return decision.Approved ? new Verdict(true) : new Verdict(false, summary);
            }
            catch (TaskCanceledException)
            {
                run.Fail(stage, Invariant($"no decision within {request.ApprovalTimeoutHours} h"), warn: true);
                return new Verdict(false);
            }
        }

        if (!passed && request.ContinueOnFailedReview)
        {
            run.Warn("review: the script failed its last review; continuing as the request asked.");
            return new Verdict(true);
        }

        return new Verdict(passed);
    }
}
