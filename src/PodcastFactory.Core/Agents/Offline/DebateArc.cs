using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The debate: the cast splits into two sides (hosts 1 and 3 argue for, hosts 2 and 4 against) and the turns alternate
/// positions, each argued from a cited note: the "for" side from the advantages and plain facts the source states, the
/// "against" side from its own risks, limits and trade-offs (<see cref="NoteStance"/>). Rounds run while both sides have
/// evidence (first arguments, then rebuttals); what is left is heard as common ground. When the notes do not fall on
/// both sides, they are dealt alternately, so the debate still alternates.
/// </summary>
internal static class DebateArc
{
    static readonly string[] _forLeads =
    [
        "I'll argue for it.", "Here's my case.", "And my side has more.", "Consider the upside.", "The sources back me here.",
        "Here's another point in its favour.", "Look at what it makes possible.",
    ];

    static readonly string[] _againstLeads =
    [
        "I'll take the other side.", "But here's the catch.", "That's not the whole story.", "Here's my worry.",
        "Look at the price of that, though.", "I'd push back there.", "And there's a limit to that.",
    ];

    /// <summary>The notes each side argues from, in plan order.</summary>
    public static (List<int> For, List<int> Against) Sides(IReadOnlyList<ResearchNote> notes, IReadOnlyList<int> planned)
    {
        List<int> against = ContrastSections.Of(notes, planned, Stance.Against);
        // The "for" side leads with the advantages the source states, then argues from its plain facts.
        List<int> pro = [.. ContrastSections.Of(notes, planned, Stance.For), .. ContrastSections.Of(notes, planned, Stance.Neutral)];
        if (against.Count == 0 || pro.Count == 0)
        {
            // No contrast in the material: deal the notes alternately so each side still argues from evidence.
            return (planned.Where((_, k) => k % 2 == 0).ToList(), planned.Where((_, k) => k % 2 == 1).ToList());
        }

        return (pro, against);
    }

    /// <summary>The debate's sections: first arguments, rebuttals, common ground (those that have notes).</summary>
    public static List<ArcSection> Sections(IReadOnlyList<ResearchNote> notes, IReadOnlyList<int> planned)
    {
        (List<int> pro, List<int> against) = Sides(notes, planned);
        int rounds = Math.Min(pro.Count, against.Count);
        List<int> exchanges = Enumerable.Range(0, rounds).SelectMany(k => new[] { pro[k], against[k] }).ToList();
        int firstHalf = 2 * ((rounds + 1) / 2);
        var sections = new List<ArcSection>(3);
        Add(sections, "Opening arguments", "the case for and against", "Let's start with the case for and against.", exchanges.Take(firstHalf));
        Add(sections, "Rebuttals", "the rebuttals", "Next up: the rebuttals.", exchanges.Skip(firstHalf));
        Add(sections, "Common ground", "what the sources add on either side", "And finally, what the sources add on either side.",
            pro.Skip(rounds).Concat(against.Skip(rounds)).Order());
        return sections;
    }

    /// <summary>Tells the sections: in the rounds each note goes to the quieter host of its side, with a lead of that side.</summary>
    public static void Tell(Dialogue dialogue, List<ArcSection> sections, IReadOnlyList<ResearchNote> notes)
    {
        (_, List<int> against) = Sides(notes, sections.SelectMany(s => s.Notes).Order().ToList());
        int forLead = 0, againstLead = 0;
        foreach (ArcSection section in sections)
        {
            bool rounds = section.Chapter != "Common ground";
            for (int j = 0; j < section.Notes.Count; j++)
            {
                int note = section.Notes[j];
                bool isAgainst = against.Contains(note);
                string speaker = rounds ? Debater(dialogue, isAgainst) : dialogue.Next;
                string? lead = !rounds ? null
                    : isAgainst ? (againstLead < _againstLeads.Length ? _againstLeads[againstLead++] : null)
                    : (forLead < _forLeads.Length ? _forLeads[forLead++] : null);
                string opening = j == 0 ? section.Transition + " " : "";
                dialogue.Add(speaker, opening + (lead is null ? "" : lead + " ") + notes[note].Text, [note], j == 0 ? section.Chapter : null);
            }
        }
    }

    /// <summary>True when <paramref name="speaker"/> argues against (the cast's second and fourth hosts).</summary>
    public static bool ArguesAgainst(IReadOnlyList<string> cast, string speaker) =>
        cast.Count > 1 && cast.ToList().IndexOf(speaker) % 2 == 1;

    // The quieter host of the side, so a side of two shares its arguments.
    static string Debater(Dialogue dialogue, bool against)
    {
        List<string> side = dialogue.Hosts.Where(h => ArguesAgainst(dialogue.Hosts, h) == against).ToList();
        return (side.Count == 0 ? dialogue.Hosts : side).OrderBy(dialogue.Words).First();
    }

    static void Add(List<ArcSection> sections, string chapter, string overview, string transition, IEnumerable<int> notes)
    {
        List<int> list = notes.ToList();
        if (list.Count > 0)
        {
            sections.Add(new ArcSection(null, chapter, overview, transition, list));
        }
    }
}
