using System.Text;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>
/// Gives every note the source paragraph it came from (<see cref="ResearchNote.Passage"/>), verbatim and bounded, and
/// the heading of its section (<see cref="ResearchNote.Section"/>), so
/// the writer reads the context around a one-sentence note and the fact-check holds a claim against what the source
/// says there, not against the note's wording only. The paragraph is the one of the note's source that contains most
/// of the note (for web notes: of its quote); a long paragraph is cut to the sentences around the best one.
/// </summary>
public static class NotePassages
{
    /// <summary>Longest passage kept per note, in characters (about a paragraph of prose).</summary>
    public const int MaxPassageCharacters = 700;

    /// <summary>Least share of the note's content words a paragraph must hold to be its passage.</summary>
    const double MinCoverage = 0.4;

    /// <summary>The notes with their passages from <paramref name="sources"/>; notes whose paragraph is not found keep none.</summary>
    public static ResearchNotes Attach(ResearchNotes notes, IReadOnlyList<SourceDocument> sources)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(sources);
        var paragraphs = new Dictionary<string, List<SourceParagraph>>(StringComparer.OrdinalIgnoreCase);
        foreach (SourceDocument source in sources)
        {
            paragraphs.TryAdd(source.Name, SourceBlocks.Sections(source.Text ?? ""));
        }

        return notes with
        {
            Notes = notes.Notes
                .Select(n => n.Source is not null && paragraphs.TryGetValue(n.Source, out List<SourceParagraph>? found) && Find(n, found) is { } at
                    ? n with { Passage = at.Passage, Section = at.Section }
                    : n)
                .ToList(),
        };
    }

    /// <summary>The bounded paragraph of <paramref name="paragraphs"/> that holds <paramref name="note"/> and its section heading, or null.</summary>
    internal static (string Passage, string? Section)? Find(ResearchNote note, IReadOnlyList<SourceParagraph> paragraphs)
    {
        HashSet<string> wanted = TextTokenizer.TokenSet(note.Web?.Quote is { Length: > 0 } quote ? quote : note.Text);
        if (wanted.Count == 0)
        {
            return null;
        }

        (SourceParagraph? Paragraph, double Coverage) best = paragraphs
            .Select(p => ((SourceParagraph?)p, Coverage: TextOverlap.Coverage(wanted, TextTokenizer.TokenSet(p.Text))))
            .OrderByDescending(p => p.Coverage)
            .ThenBy(p => p.Item1!.Text.Length)
            .FirstOrDefault();
        return best.Paragraph is null || best.Coverage < MinCoverage ? null : (Bound(best.Paragraph.Text, wanted), best.Paragraph.Heading);
    }

    // The sentence that holds most of the note, then its neighbours (after first, as a note's context usually follows
    // the claim) while the passage stays within the bound.
    static string Bound(string paragraph, HashSet<string> wanted)
    {
        if (paragraph.Length <= MaxPassageCharacters)
        {
            return paragraph;
        }

        List<string> sentences = SentenceSplitter.SplitSentences(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        int centre = Enumerable.Range(0, sentences.Count)
            .OrderByDescending(i => TextOverlap.Coverage(wanted, TextTokenizer.TokenSet(sentences[i])))
            .FirstOrDefault();
        if (sentences.Count == 0 || sentences[centre].Length > MaxPassageCharacters)
        {
            return Cut(paragraph);
        }

        int first = centre, last = centre, length = sentences[centre].Length;
        while (true)
        {
            bool grew = false;
            if (last + 1 < sentences.Count && length + 1 + sentences[last + 1].Length <= MaxPassageCharacters)
            {
                length += 1 + sentences[++last].Length;
                grew = true;
            }

            if (first > 0 && length + 1 + sentences[first - 1].Length <= MaxPassageCharacters)
            {
                length += 1 + sentences[--first].Length;
                grew = true;
            }

            if (!grew)
            {
                break;
            }
        }

        return new StringBuilder().AppendJoin(' ', sentences.Skip(first).Take(last - first + 1)).ToString();
    }

    static string Cut(string text)
    {
        int space = text.LastIndexOf(' ', MaxPassageCharacters - 1);
        return text[..(space > 0 ? space : MaxPassageCharacters)];
    }
}
