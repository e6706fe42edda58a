using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>One section of the episode's arc: the research angle it follows, its chapter title and the notes it presents.</summary>
/// <param name="Angle">The research angle ("how it works in practice"), or null for notes without one.</param>
/// <param name="Chapter">Short chapter title ("How it works").</param>
/// <param name="Overview">How the intro names the section ("how it works").</param>
/// <param name="Transition">The line that opens the section and names it.</param>
/// <param name="Notes">Note indexes in the order they are told.</param>
internal sealed record ArcSection(string? Angle, string Chapter, string Overview, string Transition, IReadOnlyList<int> Notes);

/// <summary>
/// Groups the planned notes into sections along the research angles, in the order a listener can follow: what it is,
/// how it works, what goes wrong, examples, what comes next. Inside a section notes keep the order of their sources
/// (a source explains before it elaborates), then rank.
/// </summary>
internal static class AngleSections
{
    // Recognised angles (by a word of the angle) with chapter, overview and transition; the order is the arc's order.
    static readonly (string Trigger, string Chapter, string Overview, string Transition)[] _known =
    [
        ("background", "What it is", "what it is", "the background and the key definitions"),
        ("works", "How it works", "how it works", "how it works in practice"),
        ("challenges", "What goes wrong", "what can go wrong", "the challenges: what can go wrong, and the trade-offs"),
        ("examples", "Real-world examples", "some real-world examples", "real-world examples and what they teach"),
        ("future", "What comes next", "where it is heading", "the outlook: where this is heading and what is still open"),
    ];

    static readonly string[] _openers = ["Let's start with", "Next up:", "Now to", "Then there's", "And finally,"];

    /// <summary>The sections for <paramref name="plan"/>, in arc order; notes without an angle form one section.</summary>
    public static List<ArcSection> Build(IReadOnlyList<ResearchNote> notes, IEnumerable<int> plan)
    {
        List<IGrouping<int, int>> groups = plan
            .GroupBy(i => Order(notes[i].Angle))
            .OrderBy(g => g.Key)
            .ToList();
        var sections = new List<ArcSection>(groups.Count);
        foreach (IGrouping<int, int> group in groups)
        {
            string? angle = notes[group.First()].Angle;
            List<int> ordered = group.OrderBy(i => SourceOrder(notes[i])).ThenBy(i => i).ToList();
            (string chapter, string overview, string subject) = Describe(angle);
            string opener = sections.Count == 0 ? _openers[0]
                : sections.Count == groups.Count - 1 ? _openers[^1]
                : _openers[1 + ((sections.Count - 1) % (_openers.Length - 2))];
            sections.Add(new ArcSection(angle, chapter, overview, $"{opener} {subject}.", ordered));
        }

        return sections;
    }

    static int Order(string? angle)
    {
        if (angle is null)
        {
            return _known.Length;
        }

        int known = Array.FindIndex(_known, k => angle.Contains(k.Trigger, StringComparison.OrdinalIgnoreCase));
        return known >= 0 ? known : _known.Length;
    }

    static (string Chapter, string Overview, string Subject) Describe(string? angle)
    {
        int known = angle is null ? -1 : Array.FindIndex(_known, k => angle.Contains(k.Trigger, StringComparison.OrdinalIgnoreCase));
        if (known >= 0)
        {
            return (_known[known].Chapter, _known[known].Overview, _known[known].Transition);
        }

        string text = string.IsNullOrWhiteSpace(angle) || angle == "merged" ? "the key points" : angle.Trim();
        return (char.ToUpperInvariant(text[0]) + text[1..], text, text);
    }

    // (source, paragraph, sentence) parsed from "paragraph 3, sentence 2" or "sentences 4-5"; unknown locators sort last.
    static (string, int, int) SourceOrder(ResearchNote note)
    {
        string locator = note.Locator ?? "";
        int[] numbers = locator.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => int.TryParse(w, out int n) ? n : -1).Where(n => n >= 0).ToArray();
        string source = note.Source ?? "";
        if (numbers.Length == 0)
        {
            return (source, int.MaxValue, int.MaxValue);
        }

        return locator.StartsWith("paragraph", StringComparison.Ordinal) && numbers.Length > 1
            ? (source, numbers[0], numbers[1])
            : (source, 0, numbers[0]);
    }
}
