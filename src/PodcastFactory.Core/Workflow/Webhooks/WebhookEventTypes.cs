namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>The event types a subscription may ask for (the CloudEvents <c>type</c>).</summary>
public static class WebhookEventTypes
{
    /// <summary>The orchestration started its first stage.</summary>
    public const string Started = "episode.started";

    /// <summary>The script failed its last review: nothing was spent on speech, a producer decides.</summary>
    public const string NeedsReview = "episode.needs-review";

    /// <summary>Every requested output exists.</summary>
    public const string Completed = "episode.completed";

    /// <summary>The episode finished, but a requested output is missing.</summary>
    public const string Partial = "episode.partial";

    /// <summary>A critical stage failed.</summary>
    public const string Failed = "episode.failed";

    /// <summary><c>episode.mp3</c> was mastered and the feed item written.</summary>
    public const string Published = "episode.published";

    /// <summary>A re-voice of an edited script finished.</summary>
    public const string Revoiced = "episode.revoiced";

    /// <summary>Every type, in the order an episode raises them.</summary>
    public static readonly IReadOnlyList<string> All = [Started, NeedsReview, Completed, Partial, Failed, Published, Revoiced];

    /// <summary>The event an episode outcome raises (a rejected episode raises none).</summary>
    public static string? ForOutcome(EpisodeOutcome outcome) => outcome switch
    {
        EpisodeOutcome.Completed => Completed,
        EpisodeOutcome.Partial => Partial,
        EpisodeOutcome.NeedsReview => NeedsReview,
        _ => null,
    };
}
