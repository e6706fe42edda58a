using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The LLM judge's JSON answer.</summary>
/// <param name="Passed">Whether the script is ready to be recorded.</param>
/// <param name="Score">0..1 overall quality.</param>
/// <param name="Checks">Judgements by criterion.</param>
/// <param name="Suggestions">Concrete edits for the script writer.</param>
public sealed record JudgeAnswer(bool Passed, double Score, IReadOnlyList<JudgeCheck>? Checks, IReadOnlyList<string>? Suggestions)
{
    /// <summary>Field-level errors.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
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

    /// <summary>The judge's checks, named "judge:{name}".</summary>
    public IEnumerable<ReviewCheck> ToChecks() =>
        (Checks ?? []).Select(c => new ReviewCheck("judge:" + c.Name!.Trim().ToLowerInvariant(), c.Passed, c.Detail?.Trim() ?? ""));
}

/// <summary>One criterion in <see cref="JudgeAnswer"/>.</summary>
/// <param name="Name">Criterion, e.g. "accuracy", "engagement", "clarity", "flow".</param>
/// <param name="Passed">Whether it is met.</param>
/// <param name="Detail">Why, in one sentence.</param>
public sealed record JudgeCheck(string? Name, bool Passed, string? Detail);
