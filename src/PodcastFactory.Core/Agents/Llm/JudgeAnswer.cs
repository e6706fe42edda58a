using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The LLM judge's JSON answer.</summary>
/// <param name="Passed">Whether the script is ready to be recorded.</param>
/// <param name="Score">0..1 overall quality.</param>
/// <param name="Checks">Judgements by criterion.</param>
/// <param name="Suggestions">Concrete edits for the script writer.</param>
/// <param name="Claims">The fact-check: a verdict on every claim (a turn and a note it cites) against the cited passage.</param>
public sealed record JudgeAnswer(bool Passed, double Score, IReadOnlyList<JudgeCheck>? Checks, IReadOnlyList<string>? Suggestions,
    IReadOnlyList<JudgeClaim>? Claims = null)
{
    /// <summary>Field-level errors, the fact-check's included: every claim of <paramref name="script"/> judged once, nothing else.</summary>
    public IReadOnlyList<string> Validate(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var errors = new List<string>();
        ValidateClaims(script, errors);
        if (Score is < 0 or > 1 || double.IsNaN(Score))
        {
            errors.Add($"score {Score} is outside 0..1");
        }

        if (Checks is null || Checks.Count == 0)
        {
            errors.Add("checks is missing or empty");
        }
        else
        {
            for (int i = 0; i < Checks.Count; i++)
            {
                if (Checks[i] is null || string.IsNullOrWhiteSpace(Checks[i].Name))
                {
                    errors.Add($"checks[{i}].name is empty");
                }
            }
        }

        if (Suggestions is null)
        {
            errors.Add("suggestions is missing (use [] when there are none)");
        }
        else if (!Passed && Suggestions.All(string.IsNullOrWhiteSpace))
        {
            errors.Add("suggestions is empty although passed is false: say what to change");
        }

        return errors;
    }

    void ValidateClaims(Script script, List<string> errors)
    {
        HashSet<(int Turn, int Note)> expected = Expected(script);
        var judged = new HashSet<(int, int)>();
        foreach (JudgeClaim? claim in Claims ?? [])
        {
            if (claim is null || !expected.Contains((claim.Turn, claim.Note)))
            {
                errors.Add($"claims has turn {claim?.Turn} note {claim?.Note}, which is not a claim of the script (a turn number is 1-based, the note one it cites)");
            }
            else if (!judged.Add((claim.Turn, claim.Note)))
            {
                errors.Add($"claims judges turn {claim.Turn} note {claim.Note} twice");
            }
            else if (!ClaimVerdicts.All.Contains(claim.Verdict))
            {
                errors.Add($"claims for turn {claim.Turn} note {claim.Note} has verdict '{claim.Verdict}' (expected one of {string.Join(", ", ClaimVerdicts.All)})");
            }
            else if (string.IsNullOrWhiteSpace(claim.Reason))
            {
                errors.Add($"claims for turn {claim.Turn} note {claim.Note} has no reason");
            }
        }

        List<(int Turn, int Note)> missing = expected.Where(e => !judged.Contains(e)).OrderBy(e => e.Turn).ThenBy(e => e.Note).ToList();
        if (missing.Count > 0)
        {
            errors.Add("claims is missing a verdict for " + string.Join(", ", missing.Take(10).Select(m => $"turn {m.Turn} note {m.Note}")));
        }
    }

    /// <summary>The claims of <paramref name="script"/>: (1-based turn, cited note) pairs.</summary>
    public static HashSet<(int Turn, int Note)> Expected(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Turns.SelectMany((t, i) => (t.Claims ?? []).Select(n => (i + 1, n))).ToHashSet();
    }

    /// <summary>The fact-check as the manifest keeps it: every verdict with its reason, the failed ones listed.</summary>
    public FactCheckReport ToFactCheck()
    {
        List<ClaimVerdict> verdicts = (Claims ?? [])
            .Select(c => new ClaimVerdict(c.Turn, c.Note, c.Verdict, c.Reason.Trim()))
            .OrderBy(c => c.Turn).ThenBy(c => c.Note)
            .ToList();
        List<UnsupportedClaim> failed = verdicts.Where(v => v.Verdict != ClaimVerdicts.Supported)
            .Select(v => new UnsupportedClaim(v.Turn, v.Note, v.Reason, v.Verdict))
            .ToList();
        return new FactCheckReport(verdicts.Count, verdicts.Count - failed.Count, failed, FactCheckReport.Judge, verdicts);
    }

    /// <summary>The judge's checks, named "judge:{name}".</summary>
    public IEnumerable<ReviewCheck> ToChecks() =>
        (Checks ?? []).Select(c => new ReviewCheck("judge:" + c.Name!.Trim().ToLowerInvariant(), c.Passed, c.Detail?.Trim() ?? ""));
}

/// <summary>One criterion in <see cref="JudgeAnswer"/>.</summary>
/// <param name="Name">Criterion, e.g. "accuracy", "engagement", "clarity", "flow".</param>
/// <param name="Passed">Whether it is met.</param>
/// <param name="Detail">Why, in one sentence.</param>
public sealed record JudgeCheck(string? Name, bool Passed, string? Detail);

/// <summary>The judge's verdict on one claim in <see cref="JudgeAnswer"/>.</summary>
/// <param name="Turn">1-based turn number.</param>
/// <param name="Note">The cited note's index.</param>
/// <param name="Verdict">supported, unsupported or contradicted (<see cref="ClaimVerdicts"/>).</param>
/// <param name="Reason">Why, in one sentence, naming what the passage says.</param>
public sealed record JudgeClaim(int Turn, int Note, string Verdict, string Reason);
