namespace PodcastFactory.Core.Workflow.Review;

/// <summary>
/// A producer's decision on a finished <c>needs-review</c> episode, recorded in the manifest (<c>decision</c>): approved
/// (its audio may be produced and published) or rejected (it ends <c>rejected</c> and is never published).
/// </summary>
/// <param name="Approved">True when approved.</param>
/// <param name="Reviewer">Who decided, when given.</param>
/// <param name="Reason">Why (required to reject).</param>
/// <param name="At">When the decision was recorded.</param>
public sealed record ReviewDecision(bool Approved, string? Reviewer, string? Reason, DateTimeOffset At);
