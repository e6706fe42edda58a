using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>One section of the episode's arc: the research angle it follows, its chapter title and the notes it presents.</summary>
/// <param name="Angle">The research angle ("how it works in practice"), or null for notes without one.</param>
/// <param name="Chapter">Short chapter title ("How it works").</param>
/// <param name="Overview">How the intro names the section ("how it works").</param>
/// <param name="Transition">The line that opens the section and names it.</param>
/// <param name="Notes">Note indexes in the order they are told.</param>
/// <param name="Heading">The source's own heading of the section (its questions come from it), or null for an angle's section.</param>
internal sealed record ArcSection(string? Angle, string Chapter, string Overview, string Transition, IReadOnlyList<int> Notes, string? Heading = null);

/// <summary>
/// Groups the planned notes into sections. When the notes come from two or more headed sections of their sources, the
/// episode follows the sources' own structure: one section per heading, in source order, named by it. Otherwise it
/// follows the research angles, in the order a listener can follow: what it is, how it works, what goes wrong,
/// examples, what comes next. Inside a section notes keep the order of their sources (a source explains before it
/// elaborates), then rank.
/// </summary>
internal static class AngleSections
{
    // Recognised angles by a word of the angle, in the arc's order; each language pack names them (chapter, overview,
    // transition) under the same trigger.
    static readonly string[] _known = ["background", "works", "challenges", "examples", "future"];

    /// <summary>The sections for <paramref name="plan"/>, in arc order; notes without an angle form one section.</summary>
    public static List<ArcSection> Build(IReadOnlyList<ResearchNote> notes, IEnumerable<int> plan, LanguagePack pack)
    {
        List<int> planned = plan.ToList();
        if (planned.Select(i => notes[i].Section).Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.Ordinal).Count() >= 2)
        {
            return BySourceSection(notes, planned, pack);
        }

        List<IGrouping<int, int>> groups = planned
            .GroupBy(i => Order(notes[i].Angle))
            .OrderBy(g => g.Key)
            .ToList();
        var sections = new List<ArcSection>(groups.Count);
        foreach (IGrouping<int, int> group in groups)
        {
            string? angle = notes[group.First()].Angle;
            List<int> ordered = group.OrderBy(i => SourceOrder(notes[i])).ThenBy(i => i).ToList();
            (string chapter, string overview, string subject) = Describe(angle, pack);
            IReadOnlyList<string> openers = pack.Arc.Openers;
            string opener = Opener(openers, sections.Count, groups.Count);
            sections.Add(new ArcSection(angle, chapter, overview, $"{opener} {subject}.", ordered));
        }

        return sections;
    }

    // One section per source heading (notes before the first heading with the first section), in source order.
    static List<ArcSection> BySourceSection(IReadOnlyList<ResearchNote> notes, List<int> planned, LanguagePack pack)
    {
        List<List<int>> groups = planned
            .OrderBy(i => SourceOrder(notes[i])).ThenBy(i => i)
            .GroupBy(i => notes[i].Section ?? "", StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var sections = new List<ArcSection>(groups.Count);
        foreach (List<int> group in groups)
        {
            string? heading = notes[group[0]].Section is { Length: > 0 } h ? h : null;
            string name = heading is null ? pack.Arc.Background : Spoken(heading, pack);
            string opener = Opener(pack.Arc.Openers, sections.Count, groups.Count);
            // A heading that is a question is asked as it stands; any other is named, and the host asks about it.
            string transition = name.EndsWith('?') ? $"{opener} {name}" : $"{opener} {name.TrimEnd('.', ':')}.";
            sections.Add(new ArcSection(notes[group[0]].Angle, Chapter(heading ?? name, pack), name, transition, group, heading));
        }

        return sections;
    }

    // A heading said inside a sentence: "How Handoffs Work" stays a title, but a sentence-case heading or one that starts
    // with a common word loses its capital ("we'll cover background and definitions"); names keep theirs.
    static string Spoken(string heading, LanguagePack pack)
    {
        string text = heading.Trim().TrimEnd('.', ':');
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool sentenceCase = words.Skip(1).Count(w => char.IsLower(w[0])) * 2 >= words.Length - 1;
        bool common = pack.StopWords.Contains(words[0].ToLowerInvariant()) || pack.Arc.QuestionWords.Contains(words[0], StringComparer.Ordinal);
        return words.Length > 0 && words[0].Length > 1 && char.IsUpper(words[0][0]) && words[0].Skip(1).Where(char.IsLetter).All(char.IsLower)
            && (common || (sentenceCase && !pack.Arc.CapitalizedNouns))
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    // A chapter title from a heading: at most eight words, no trailing punctuation but a question mark.
    static string Chapter(string heading, LanguagePack pack)
    {
        string[] words = heading.Trim().TrimEnd('.', ':').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string text = string.Join(' ', words.Take(8));
        return text.Length == 0 ? pack.Arc.KeyPointsChapter : char.ToUpperInvariant(text[0]) + text[1..];
    }

    static int Order(string? angle)
    {
        if (angle is null)
        {
            return _known.Length;
        }

        int known = Array.FindIndex(_known, k => angle.Contains(k, StringComparison.OrdinalIgnoreCase));
        return known >= 0 ? known : _known.Length;
    }

    // The first opener starts, the last ends, the middle ones take turns.
    static string Opener(IReadOnlyList<string> openers, int index, int count) =>
        index == 0 ? openers[0]
        : index == count - 1 ? openers[^1]
        : openers[1 + ((index - 1) % (openers.Count - 2))];

    static (string Chapter, string Overview, string Subject) Describe(string? angle, LanguagePack pack)
    {
        int known = angle is null ? -1 : Array.FindIndex(_known, k => angle.Contains(k, StringComparison.OrdinalIgnoreCase));
        if (known >= 0 && pack.Arc.Angles.TryGetValue(_known[known], out AngleWords? words))
        {
            return (words.Chapter, words.Overview, words.Transition);
        }

        // An angle the pack does not name is the workflow's own English text: another language says "the key points".
        string text = string.IsNullOrWhiteSpace(angle) || angle == "merged" || pack.Code != "en" ? pack.Frame.KeyPoints : angle.Trim();
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
