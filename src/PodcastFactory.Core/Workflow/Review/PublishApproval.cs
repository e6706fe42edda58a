using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Workflow.Review;

/// <summary>
/// The one rule for what may enter the feed: a script that passed review (the episode ended <c>completed</c> or
/// <c>partial</c>; a request that asked to continue after a failed review counts as the producer's approval up front), or a
/// <c>needs-review</c> episode a producer approved. A rejected or failed episode, or one still waiting, never is.
/// </summary>
public static class PublishApproval
{
    /// <summary>Why <paramref name="manifest"/>'s episode may not be published; null when it may.</summary>
    public static string? HeldReason(EpisodeManifest? manifest)
    {
        if (manifest is null)
        {
            return "the episode has no manifest, so its review state is unknown";
        }

        return EpisodeOutcomes.Parse(manifest.Status) switch
        {
            EpisodeOutcome.Completed or EpisodeOutcome.Partial => null,
            EpisodeOutcome.NeedsReview when manifest.Decision is { Approved: true } => null,
            EpisodeOutcome.NeedsReview => "the script has not passed review and no producer approved it (status needs-review): approve it to publish",
            EpisodeOutcome.Rejected => $"the episode was rejected{(manifest.Decision?.Reason is { } reason ? ": " + reason : "")}",
            _ => $"the episode ended {manifest.Status}",
        };
    }
}
