namespace PodcastFactory.Core.Workflow;

/// <summary>The outcome names the manifest's <c>status</c> and the API use (<c>completed</c>, <c>needs-review</c>, ...), and back.</summary>
public static class EpisodeOutcomes
{
    /// <summary>The manifest status of a failed episode (not an outcome: a failed orchestration has no result).</summary>
    public const string Failed = "failed";

    /// <summary>The manifest status of <paramref name="outcome"/>.</summary>
    public static string Status(EpisodeOutcome outcome) => outcome switch
    {
        EpisodeOutcome.Completed => "completed",
        EpisodeOutcome.Partial => "partial",
        EpisodeOutcome.Rejected => "rejected",
        _ => "needs-review",
    };

    /// <summary>The outcome a manifest status names; null for <c>failed</c> or anything unknown.</summary>
    public static EpisodeOutcome? Parse(string? status) =>
        Enum.GetValues<EpisodeOutcome>().Select(o => (EpisodeOutcome?)o).FirstOrDefault(o => Status(o!.Value) == status);
}
