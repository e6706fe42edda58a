namespace PodcastFactory.Core.Workflow;

/// <summary>How an episode ended.</summary>
public enum EpisodeOutcome
{
    /// <summary>Every planned stage ran (optional stages may have warnings).</summary>
    Completed,
    /// <summary>The script failed its last review (or approval was refused): no audio or social was produced.</summary>
    NeedsReview,
    /// <summary>The script passed, but a requested output (audio, social post, or the published master) is missing: see the warnings.</summary>
    Partial,
    /// <summary>A producer rejected the script (at the approval gate, or later on a needs-review episode): nothing is published, the reason is in the manifest.</summary>
    Rejected,
}

/// <summary>The orchestration output.</summary>
/// <param name="EpisodeId">Episode id.</param>
/// <param name="Outcome">Completed or needs-review.</param>
/// <param name="Title">Episode title from the script.</param>
/// <param name="Artifacts">Names of every artifact produced.</param>
/// <param name="Warnings">Optional-stage failures, skipped work, quality findings.</param>
/// <param name="CostUsd">Total cost.</param>
/// <param name="AudioSeconds">Stitched audio duration, when audio was produced.</param>
/// <param name="Manifest">The manifest artifact.</param>
public sealed record EpisodeResult(
    string EpisodeId,
    EpisodeOutcome Outcome,
    string Title,
    IReadOnlyList<string> Artifacts,
    IReadOnlyList<string> Warnings,
    decimal CostUsd,
    double? AudioSeconds,
    string Manifest);
