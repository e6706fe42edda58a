using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The panel: each section (an angle, or a heading of the sources) is owned by one host in turn, who opens it and tells
/// every other note of it; the rest of the panel, the quietest first, brings in the notes between, with a reaction or a
/// bridge. Owners rotate through the cast, so with three or four hosts everyone owns a part and nobody falls silent.
/// </summary>
internal static class PanelArc
{
    /// <summary>The owner of section <paramref name="index"/>: the cast in turn, starting with the second host (the first opened the show).</summary>
    public static string Owner(IReadOnlyList<string> cast, int index) => cast[(index + 1) % cast.Count];

    /// <summary>Tells the sections, each led by its owner.</summary>
    public static void Tell(Dialogue dialogue, List<ArcSection> sections, IReadOnlyList<ResearchNote> notes, HostLines lines)
    {
        for (int k = 0; k < sections.Count; k++)
        {
            ArcSection section = sections[k];
            string owner = Owner(dialogue.Hosts, k);
            for (int j = 0; j < section.Notes.Count; j++)
            {
                int note = section.Notes[j];
                if (j == 0)
                {
                    dialogue.Add(owner, section.Transition + " " + notes[note].Text, [note], section.Chapter);
                    continue;
                }

                string speaker = j % 2 == 0 ? owner
                    : dialogue.Hosts.Where(h => h != owner).OrderBy(dialogue.Words).FirstOrDefault() ?? owner;
                string? lead = j % 2 == 1 ? lines.Reaction() ?? lines.Bridge() : lines.Bridge();
                dialogue.Add(speaker, (lead is null ? "" : lead + " ") + notes[note].Text, [note]);
            }
        }
    }
}
