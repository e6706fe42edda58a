namespace PodcastFactory.Core.Models;

/// <summary>A script claim whose cited passage does not support it.</summary>
/// <param name="Turn">1-based turn number.</param>
/// <param name="Note">0-based index of the cited note.</param>
/// <param name="Reason">Why it is unsupported (invalid index, the measured match, or the judge's reason).</param>
/// <param name="Verdict"><see cref="ClaimVerdicts.Unsupported"/> or <see cref="ClaimVerdicts.Contradicted"/>.</param>
public sealed record UnsupportedClaim(int Turn, int Note, string Reason, string Verdict = ClaimVerdicts.Unsupported);

/// <summary>The verdict on one claim (a turn citing a note), with its reason.</summary>
/// <param name="Turn">1-based turn number.</param>
/// <param name="Note">0-based index of the cited note.</param>
/// <param name="Verdict">One of <see cref="ClaimVerdicts"/>.</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record ClaimVerdict(int Turn, int Note, string Verdict, string Reason);

/// <summary>What a fact-check can say about a claim against its cited passage.</summary>
public static class ClaimVerdicts
{
    /// <summary>The passage says it (a paraphrase included).</summary>
    public const string Supported = "supported";

    /// <summary>The passage does not say it (an addition, an exaggeration, or another note's content).</summary>
    public const string Unsupported = "unsupported";

    /// <summary>The passage says otherwise.</summary>
    public const string Contradicted = "contradicted";

    /// <summary>All verdicts, as the judge's schema allows them.</summary>
    public static readonly IReadOnlyCollection<string> All = [Supported, Unsupported, Contradicted];
}

/// <summary>Every claim of a script checked against the passage it cites.</summary>
/// <param name="ClaimsChecked">Claims (turn, cited note) checked.</param>
/// <param name="ClaimsSupported">Claims whose passage supports the turn.</param>
/// <param name="Unsupported">The others, with the turn named.</param>
/// <param name="Method"><c>judge</c> (the model's judgement, model path) or <c>rule</c> (content-word stems against the passage, offline).</param>
/// <param name="Claims">The judge's verdict on every claim with its reason (model path; null for the rule).</param>
public sealed record FactCheckReport(int ClaimsChecked, int ClaimsSupported, IReadOnlyList<UnsupportedClaim> Unsupported,
    string Method = FactCheckReport.Rule, IReadOnlyList<ClaimVerdict>? Claims = null)
{
    /// <summary><see cref="Method"/> of the offline rule.</summary>
    public const string Rule = "rule";

    /// <summary><see cref="Method"/> of the model judge.</summary>
    public const string Judge = "judge";
}
