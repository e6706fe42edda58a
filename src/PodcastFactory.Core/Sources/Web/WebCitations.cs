using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>
/// Turns notes drawn from captured pages into cited notes: URL, title, retrieval time, the artifact, and a short
/// verbatim quote (the page sentence that best matches the note, at most <see cref="MaxQuoteCharacters"/>).
/// </summary>
public static class WebCitations
{
    /// <summary>Longest quote kept, in characters (cut at a word boundary; still a verbatim prefix).</summary>
    public const int MaxQuoteCharacters = 300;

    /// <summary>Adds a <see cref="WebCitation"/> to every note whose source is one of <paramref name="pages"/>, and the problems.</summary>
    public static ResearchNotes Attach(ResearchNotes notes, IReadOnlyList<CapturedPage> pages, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(pages);
        Dictionary<string, CapturedPage> byName = pages.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var cited = notes.Notes
            .Select(n => n.Source is not null && byName.TryGetValue(n.Source, out CapturedPage? page)
                ? n with { Web = new WebCitation(page.Url, page.Title, page.RetrievedAt, Quote(n.Text, page.Text), page.Artifact) }
                : n)
            .ToList();
        List<string> allProblems = [.. notes.Problems ?? [], .. problems];
        return notes with { Notes = cited, Problems = allProblems.Count == 0 ? null : allProblems };
    }

    /// <summary>
    /// The page sentence that best matches <paramref name="note"/>, verbatim, shortened to <see cref="MaxQuoteCharacters"/>.
    /// Only statements are candidates: headings (Markdown's, and HTML's as <see cref="Extraction.PageText"/> marks them),
    /// code, tables and navigation are not (a heading sharing the note's words was quoted instead of the cited sentence).
    /// </summary>
    public static string Quote(string note, string pageText)
    {
        List<string> prose = SourceBlocks.Paragraphs(pageText ?? "");
        if (prose.Count == 0)
        {
            // A page of lists or short lines: any block but a heading.
            prose = (pageText ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(b => !b.TrimStart().StartsWith('#')).ToList();
        }

        string best = prose.SelectMany(SentenceSplitter.SplitSentences)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .OrderByDescending(s => TextOverlap.Match(note, s))
            .ThenBy(s => s.Length)
            .FirstOrDefault() ?? "";
        if (best.Length <= MaxQuoteCharacters)
        {
            return best;
        }

        int cut = best.LastIndexOf(' ', MaxQuoteCharacters);
        return best[..(cut > 0 ? cut : MaxQuoteCharacters)];
    }
}
