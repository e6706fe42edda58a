using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>A prose paragraph of a source and the heading of the section it is in (null before the first heading).</summary>
internal sealed record SourceParagraph(string? Heading, string Text);

/// <summary>
/// Reads a Markdown or plain-text source as prose paragraphs under their section headings, leaving out what is not a
/// statement: headings (ATX, setext, a bold-only line, a numbered title such as "1. The Planner", or a short title-like
/// line between sentences: plain text has no '#'), code blocks, tables, rules and navigation lines. Lists are read by
/// kind (<see cref="SourceLists"/>): "Label: explanation" bullets become sentences of their own, numbered steps stay
/// steps ("First, ... Then, ... Finally, ..."), and a short list introduced by a line ending in ':' is joined to that
/// line as one sentence ("There are three patterns: a, b and c."); any other list is dropped.
/// </summary>
internal static partial class SourceBlocks
{
    /// <summary>The prose paragraphs of <paramref name="text"/>, in order, Markdown syntax removed.</summary>
    public static List<string> Paragraphs(string text) => Sections(text).Select(p => p.Text).ToList();

    /// <summary>The prose paragraphs of <paramref name="text"/> with their section headings, in order.</summary>
    public static List<SourceParagraph> Sections(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraphs = new List<SourceParagraph>();
        var current = new List<string>();
        var items = new List<string>();
        bool ordered = false, inCode = false;
        string? heading = null;

        void FlushParagraph()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(new(heading, string.Join(' ', current)));
                current.Clear();
            }
        }

        void FlushList()
        {
            if (items.Count == 0)
            {
                return;
            }

            bool leadIn = paragraphs.Count > 0 && paragraphs[^1].Text.EndsWith(':') && paragraphs[^1].Heading == heading;
            SourceLists.Reading reading = SourceLists.Read(leadIn ? paragraphs[^1].Text : null, items, ordered);
            if (reading.LeadIn is not null)
            {
                paragraphs[^1] = paragraphs[^1] with { Text = reading.LeadIn };
            }

            paragraphs.AddRange(reading.Paragraphs.Select(p => new SourceParagraph(heading, p)));
            items.Clear();
        }

        void Heading(string line)
        {
            FlushParagraph();
            FlushList();
            heading = MarkdownStripper.StripLine(line).TrimEnd(':').Trim();
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (MarkdownStripper.IsCodeFence(line))
            {
                inCode = !inCode;
                FlushParagraph();
                continue;
            }

            string? next = NextNonEmpty(lines, i);
            bool setextHeading = i + 1 < lines.Length && !string.IsNullOrWhiteSpace(line) && SetextRegex().IsMatch(lines[i + 1])
                && current.Count == 0 && !MarkdownStripper.IsListItem(line);
            if (!inCode && (MarkdownStripper.IsHeading(line) || setextHeading || BoldOnlyRegex().IsMatch(line) || (items.Count == 0 && NumberedTitle(line, next))))
            {
                Heading(line);
                i += setextHeading ? 1 : 0;
                continue;
            }

            if (inCode || string.IsNullOrWhiteSpace(line) || MarkdownStripper.IsRule(line) || IsTableRow(line))
            {
                FlushParagraph();
                if (!string.IsNullOrWhiteSpace(line) && !inCode)
                {
                    FlushList();
                }

                continue;
            }

            // Plain text writes bullets without a marker: "Coordinator: keeps the plot list ..." on a line of its own.
            if (MarkdownStripper.IsListItem(line) || (current.Count == 0 || EndsSentence(current[^1]) || current[^1].EndsWith(':')) && SourceLists.IsLabelLine(line))
            {
                FlushParagraph();
                if (items.Count == 0)
                {
                    ordered = OrderedItemRegex().IsMatch(line);
                }

                items.Add(MarkdownStripper.StripLine(line));
                continue;
            }

            if (items.Count > 0 && char.IsWhiteSpace(line[0]))
            {
                items[^1] += " " + MarkdownStripper.StripLine(line);
                continue;
            }

            FlushList();
            string stripped = MarkdownStripper.StripLine(line);
            if (stripped.Length == 0)
            {
                continue;
            }

            // A title-like line where a paragraph starts (first line, or after a finished sentence: plain text often
            // has no blank line around its headings) heads the next section instead of being glued to its first sentence.
            bool startsParagraph = current.Count == 0 || EndsSentence(current[^1]);
            if (startsParagraph && next is not null && LooksLikeHeadingLine(stripped) && !MarkdownStripper.IsListItem(next)
                && char.IsUpper(MarkdownStripper.StripLine(next).FirstOrDefault()))
            {
                Heading(line);
                continue;
            }

            current.Add(stripped);
        }

        FlushParagraph();
        FlushList();
        return paragraphs.Where(p => !ClaimShape.LooksLikeNavigation(p.Text) && !ClaimShape.LooksLikeTitle(p.Text)).ToList();
    }

    // "1. The Planner" above prose: a numbered title, not a one-item list (a step is a sentence, a title is not).
    static bool NumberedTitle(string line, string? next) =>
        OrderedItemRegex().IsMatch(line) && next is not null && !MarkdownStripper.IsListItem(next)
        && LooksLikeHeadingLine(MarkdownStripper.StripLine(line)) && char.IsUpper(MarkdownStripper.StripLine(next).FirstOrDefault());

    static string? NextNonEmpty(string[] lines, int i)
    {
        for (int j = i + 1; j < lines.Length; j++)
        {
            if (!string.IsNullOrWhiteSpace(lines[j]))
            {
                return lines[j];
            }
        }

        return null;
    }

    static bool EndsSentence(string line) => line.TrimEnd('"', '\'', ')', '\u201d').EndsWith('.') || line.EndsWith('!') || line.EndsWith('?');

    // A title: short, no end punctuation (or a question), mostly capitalised words. Hard-wrapped prose has a long line
    // of mostly lower-case words, so it is not taken for a title.
    static bool LooksLikeHeadingLine(string line)
    {
        if (!ClaimShape.LooksLikeTitle(line))
        {
            return false;
        }

        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return line.TrimEnd().EndsWith('?') || words.Count(w => char.IsUpper(w[0]) || char.IsDigit(w[0])) >= 0.6 * words.Length;
    }

    static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    [GeneratedRegex(@"^\s{0,3}(=+|-+)\s*$")]
    private static partial Regex SetextRegex();

    [GeneratedRegex(@"^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$")]
    private static partial Regex BoldOnlyRegex();

    [GeneratedRegex(@"^\s*\d{1,3}[.)]\s+")]
    private static partial Regex OrderedItemRegex();
}
