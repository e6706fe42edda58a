namespace PodcastFactory.Core.Workflow;

/// <summary>Published with <c>SetCustomStatus</c> before each stage: small, typed, and read by the status API.</summary>
/// <param name="Stage">The stage now running, one of <see cref="Stages"/>.</param>
/// <param name="Percent">Rough completion, 0..100.</param>
/// <param name="CostUsd">Cost so far.</param>
/// <param name="Warnings">Warnings so far.</param>
public sealed record EpisodeProgress(string Stage, int Percent, decimal CostUsd, IReadOnlyList<string> Warnings);

/// <summary>Stage names, as shown in progress, the manifest and the API.</summary>
public static class Stages
{
    /// <summary>Deciding what runs.</summary>
    public const string Plan = "plan";
    /// <summary>Research fan-out and merge.</summary>
    public const string Research = "research";
    /// <summary>Script draft.</summary>
    public const string Script = "script";
    /// <summary>Quality gate (reviews and revisions).</summary>
    public const string Review = "review";
    /// <summary>Waiting for a person's approval.</summary>
    public const string Approval = "approval";
    /// <summary>Social post.</summary>
    public const string Social = "social";
    /// <summary>Speech and stitching.</summary>
    public const string Audio = "audio";
    /// <summary>Final evaluation.</summary>
    public const string Quality = "quality";
    /// <summary>Manifest.</summary>
    public const string Manifest = "manifest";
    /// <summary>Finished.</summary>
    public const string Done = "done";
}
