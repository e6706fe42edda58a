namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The model's JSON answer with search queries.</summary>
/// <param name="Queries">Web search queries, best first.</param>
public sealed record QueryAnswer(IReadOnlyList<string>? Queries)
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxQueryCharacters = 200;

    /// <summary>Field-level errors: at least one query, none empty or over <see cref="MaxQueryCharacters"/>.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Queries is null || Queries.Count == 0)
        {
            errors.Add("queries is missing or empty");
            return errors;
        }

        for (int i = 0; i < Queries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Queries[i]) || Queries[i].Length > MaxQueryCharacters)
            {
                errors.Add($"queries[{i}] must be 1..{MaxQueryCharacters} characters");
            }
        }

        return errors;
    }
}
