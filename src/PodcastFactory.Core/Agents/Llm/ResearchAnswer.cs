using System.ComponentModel;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The research agent's JSON answer.</summary>
/// <param name="Summary">Two or three sentences on what the sources say about the angle.</param>
/// <param name="Notes">Claims, most relevant first.</param>
public sealed record ResearchAnswer(string? Summary, IReadOnlyList<ResearchAnswerNote>? Notes)
{
    /// <summary>Field-level errors; every note must name one of <paramref name="sourceNames"/>.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> sourceNames)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Summary))
        {
            errors.Add("summary is missing");
        }

        if (Notes is null)
        {
            errors.Add("notes is missing");
            return errors;
        }

        for (int i = 0; i < Notes.Count; i++)
        {
            ResearchAnswerNote? note = Notes[i];
            if (note is null || string.IsNullOrWhiteSpace(note.Text))
            {
                errors.Add($"notes[{i}].text is empty");
                continue;
            }

            if (string.IsNullOrWhiteSpace(note.Source) || !sourceNames.Contains(note.Source.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"notes[{i}].source '{note.Source}' is not one of the supplied sources ({string.Join(", ", sourceNames)})");
            }

            if (note.Relevance is < 0 or > 1)
            {
                errors.Add($"notes[{i}].relevance {note.Relevance} is outside 0..1");
            }
        }

        return errors;
    }

    /// <summary>The validated answer as notes, source names normalised to the supplied spelling.</summary>
    public ResearchNotes ToNotes(ResearchBrief brief, IReadOnlyCollection<string> sourceNames)
    {
        ArgumentNullException.ThrowIfNull(brief);
        List<ResearchNote> notes = (Notes ?? [])
            .Take(Math.Max(0, brief.MaxNotes))
            .Select(n => new ResearchNote(
                n.Text!.Trim(),
                sourceNames.First(s => string.Equals(s, n.Source!.Trim(), StringComparison.OrdinalIgnoreCase)),
                string.IsNullOrWhiteSpace(n.Locator) ? null : n.Locator.Trim(),
                Math.Round(n.Relevance, 4)))
            .ToList();
        return new ResearchNotes(brief.Topic, brief.Angle, Summary!.Trim(), notes, HasSources: true);
    }
}

/// <summary>One claim in <see cref="ResearchAnswer"/>.</summary>
/// <param name="Text">The claim as one sentence, faithful to the source.</param>
/// <param name="Source">The exact name of the source it comes from.</param>
/// <param name="Locator">Where in the source: a section heading or a short verbatim quote.</param>
/// <param name="Relevance">0..1 relevance to the angle.</param>
public sealed record ResearchAnswerNote(
    [property: Description("The claim as one sentence, faithful to the source.")] string? Text,
    [property: Description("The exact name of the source it comes from.")] string? Source,
    [property: Description("Where in the source: a section heading or a short verbatim quote.")] string? Locator,
    [property: Description("Relevance to the angle, 0..1.")] double Relevance);
