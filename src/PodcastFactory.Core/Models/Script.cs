namespace PodcastFactory.Core.Models;

/// <summary>One turn of the two-host dialogue.</summary>
/// <param name="Speaker">Host name, one of the episode's cast (1-4 hosts).</param>
/// <param name="Text">What the host says.</param>
/// <param name="Claims">Indexes into the merged research notes that this turn states (for traceability).</param>
/// <param name="Chapter">Set on the first turn of a section: the chapter title the script agent gives that section.</param>
public sealed record ScriptTurn(string Speaker, string Text, IReadOnlyList<int>? Claims = null, string? Chapter = null);

/// <summary>A structured two-host script.</summary>
/// <param name="Title">Episode title.</param>
/// <param name="Turns">The dialogue, in order.</param>
/// <param name="Revision">0 for the first draft, n for the n-th revision.</param>
public sealed record Script(string Title, IReadOnlyList<ScriptTurn> Turns, int Revision)
{
    /// <summary>Words spoken in the whole script.</summary>
    public int WordCount => Turns.Sum(t => TextStats.CountWords(t.Text));
}

/// <summary>One rule or judgement applied to a script.</summary>
/// <param name="Name">Check name, e.g. "length", "coverage", "balance", "segment-limit", "grounding", "structure".</param>
/// <param name="Passed">Whether the check passed.</param>
/// <param name="Detail">Measured values and the threshold.</param>
public sealed record ReviewCheck(string Name, bool Passed, string Detail);

/// <summary>The evaluator's verdict on one script revision.</summary>
/// <param name="Revision">Which script revision was reviewed.</param>
/// <param name="Passed">Pass or fail.</param>
/// <param name="Score">0..1 overall score.</param>
/// <param name="Checks">Individual checks.</param>
/// <param name="Suggestions">Concrete suggestions for the script agent.</param>
/// <param name="FactCheck">Every claim checked against its cited passage (the judge's verdicts with reasons on the model path).</param>
public sealed record ScriptReview(int Revision, bool Passed, double Score, IReadOnlyList<ReviewCheck> Checks, IReadOnlyList<string> Suggestions,
    FactCheckReport? FactCheck = null);

/// <summary>A social-media post announcing the episode.</summary>
/// <param name="Platform">Target platform, e.g. "x" or "linkedin".</param>
/// <param name="Text">The post text including hashtags.</param>
/// <param name="MaxLength">The platform's length limit the text respects.</param>
public sealed record SocialPost(string Platform, string Text, int MaxLength);
