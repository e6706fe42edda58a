namespace PodcastFactory.Core.Workflow;

/// <summary>The payload of the approval event raised by <c>POST /api/episodes/{id}/approve</c>.</summary>
/// <param name="Approved">True to produce audio and social; false to stop as needs-review.</param>
/// <param name="Reviewer">Who decided.</param>
/// <param name="Comment">Why.</param>
public sealed record ApprovalDecision(bool Approved, string? Reviewer = null, string? Comment = null)
{
    /// <summary>The external event name the orchestrator waits for.</summary>
    public const string EventName = "approval";
}
