using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The critique's arc: what the material says (neutral notes), what holds up (its advantages) and where it falls short
/// (its risks, limits and trade-offs), each note placed by <see cref="NoteStance"/>, in plan order inside a section.
/// When the notes do not fall on both sides, the critique follows the angle sections instead: a one-sided critique would
/// have no arc to judge.
/// </summary>
internal static class ContrastSections
{
    /// <summary>The sections for <paramref name="planned"/>.</summary>
    public static List<ArcSection> Build(IReadOnlyList<ResearchNote> notes, IReadOnlyList<int> planned, LanguagePack pack)
    {
        List<int> neutral = Of(notes, planned, Stance.Neutral), strengths = Of(notes, planned, Stance.For), weaknesses = Of(notes, planned, Stance.Against);
        if (strengths.Count == 0 || weaknesses.Count == 0)
        {
            return AngleSections.Build(notes, planned, pack);
        }

        var sections = new List<ArcSection>(3);
        if (neutral.Count > 0)
        {
            sections.Add(new(null, "What it claims", "what the material claims", "Let's start with what the material claims.", neutral));
        }

        sections.Add(new(null, "What holds up", "what holds up", $"{(sections.Count == 0 ? "Let's start with" : "Next up:")} what holds up, and the evidence for it.", strengths));
        sections.Add(new(null, "Where it falls short", "where it falls short", "And finally, where it falls short: the risks and the trade-offs.", weaknesses));
        return sections;
    }

    /// <summary>The planned notes of one stance, in the order they were planned.</summary>
    public static List<int> Of(IReadOnlyList<ResearchNote> notes, IEnumerable<int> planned, Stance stance) =>
        planned.Where(i => NoteStance.Of(notes[i].Text) == stance).ToList();
}
