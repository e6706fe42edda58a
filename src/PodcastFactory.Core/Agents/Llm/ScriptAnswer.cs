using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The script writer's JSON answer.</summary>
/// <param name="Title">Episode title.</param>
/// <param name="Turns">The dialogue in order.</param>
public sealed record ScriptAnswer(string? Title, IReadOnlyList<ScriptAnswerTurn>? Turns)
{
    /// <summary>Smallest dialogue accepted: an intro, two exchanges and an outro.</summary>
    public const int MinTurns = 4;

    /// <summary>Field-level errors against the brief and the research the claims index.</summary>
    public IReadOnlyList<string> Validate(ScriptBrief brief, ResearchNotes research)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add("title is missing");
        }

        if (Turns is null || Turns.Count < MinTurns)
        {
            errors.Add($"turns has {Turns?.Count ?? 0} entries; at least {MinTurns} are required");
            return errors;
        }

        string hosts = string.Join(", ", brief.Hosts.Select(h => h.Name));
        for (int i = 0; i < Turns.Count; i++)
        {
            ScriptAnswerTurn? turn = Turns[i];
            if (turn is null)
            {
                errors.Add($"turns[{i}] is null");
                continue;
            }

            if (Host(brief, turn.Speaker) is null)
            {
                errors.Add($"turns[{i}].speaker '{turn.Speaker}' is not a host ({hosts})");
            }

            if (string.IsNullOrWhiteSpace(turn.Text))
            {
                errors.Add($"turns[{i}].text is empty");
            }
            else if (turn.Text.Length > brief.MaxTurnCharacters)
            {
                errors.Add($"turns[{i}].text has {turn.Text.Length} characters; the limit is {brief.MaxTurnCharacters}");
            }

            foreach (int claim in turn.Claims ?? [])
            {
                if (claim < 0 || claim >= research.Notes.Count)
                {
                    errors.Add($"turns[{i}].claims cites note {claim}, but notes are numbered 0..{research.Notes.Count - 1}");
                }
            }
        }

        return errors;
    }

    /// <summary>The validated answer as a script, speakers normalised to the hosts' spelling.</summary>
    public Script ToScript(ScriptBrief brief, int revision) =>
        new(Title!.Trim(),
            Turns!.Select(t => new ScriptTurn(Host(brief, t.Speaker)!.Name, t.Text!.Trim(), t.Claims is { Count: > 0 } c ? c.Distinct().ToList() : null,
                string.IsNullOrWhiteSpace(t.Chapter) ? null : t.Chapter.Trim())).ToList(),
            revision);

    static HostVoice? Host(ScriptBrief brief, string? speaker) =>
        brief.Hosts.FirstOrDefault(h => string.Equals(h.Name.Trim(), speaker?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One turn in <see cref="ScriptAnswer"/>.</summary>
/// <param name="Speaker">A host's name.</param>
/// <param name="Text">What the host says.</param>
/// <param name="Claims">Indexes of the research notes this turn states; empty for turns that state no facts.</param>
/// <param name="Chapter">On the first turn of each section: the chapter title listeners see; null on other turns.</param>
public sealed record ScriptAnswerTurn(string? Speaker, string? Text, IReadOnlyList<int>? Claims, string? Chapter = null);
