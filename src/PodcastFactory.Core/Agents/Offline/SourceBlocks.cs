using System.Text;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Reads a Markdown (or plain text) source as prose paragraphs, leaving out what is not a statement: headings
/// (ATX, setext, a bold-only line, or a title-like line directly above a paragraph), code blocks, tables, rules and
/// navigation lines. List items never stand alone: a short list introduced by a line ending in ':' is joined to that
/// line as one sentence ("There are three patterns: a, b and c."); any other list is dropped.
/// </summary>
internal static partial class SourceBlocks
{
    const int MaxJoinedItems = 6, MaxItemWords = 14;

    /// <summary>The prose paragraphs of <paramref name="text"/>, in order, Markdown syntax removed.</summary>
    public static List<string> Paragraphs(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraphs = new List<string>();
        var current = new List<string>();
        var items = new List<string>();
        bool inCode = false;

        void FlushParagraph()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }

        void FlushList()
        {
            if (items.Count == 0)
            {
                return;
            }

            string? leadIn = paragraphs.Count > 0 && paragraphs[^1].EndsWith(':') ? paragraphs[^1] : null;
            string? joined = leadIn is null ? null : JoinList(leadIn, items);
            if (joined is not null)
            {
                paragraphs[^1] = joined;
            }

            items.Clear();
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

            string? next = i + 1 < lines.Length ? lines[i + 1] : null;
            bool setextHeading = next is not null && !string.IsNullOrWhiteSpace(line) && SetextRegex().IsMatch(next)
                && current.Count == 0 && !MarkdownStripper.IsListItem(line);
            if (inCode || string.IsNullOrWhiteSpace(line) || MarkdownStripper.IsHeading(line) || MarkdownStripper.IsRule(line)
                || setextHeading || IsTableRow(line) || BoldOnlyRegex().IsMatch(line))
            {
                FlushParagraph();
                if (!string.IsNullOrWhiteSpace(line) && !inCode)
                {
                    FlushList();
                }

                i += setextHeading ? 1 : 0;
                continue;
            }

            if (MarkdownStripper.IsListItem(line))
            {
                FlushParagraph();
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
            bool titleAbove = current.Count == 0 && next is not null && !string.IsNullOrWhiteSpace(next)
                && LooksLikeHeadingLine(stripped) && !MarkdownStripper.IsListItem(next)
                && char.IsUpper(MarkdownStripper.StripLine(next).FirstOrDefault());
            if (titleAbove || stripped.Length == 0)
            {
                continue;
            }

            current.Add(stripped);
        }

        FlushParagraph();
        FlushList();
        return paragraphs.Where(p => !ClaimShape.LooksLikeNavigation(p) && !ClaimShape.LooksLikeTitle(p)).ToList();
    }

    /// <summary>"Lead-in: a, b and c." when the items are few and short, otherwise null (the list is dropped).</summary>
    static string? JoinList(string leadIn, List<string> items)
    {
        List<string> parts = items.Select(i => i.Trim().TrimEnd('.', ';', ',')).Where(i => i.Length > 0).ToList();
        if (parts.Count is 0 or > MaxJoinedItems || parts.Any(p => TextStats.CountWords(p) > MaxItemWords || p.Contains(". ", StringComparison.Ordinal)))
        {
            return null;
        }

        parts = parts.Select(LowerFirst).ToList();
        string separator = parts.Any(p => p.Contains(',', StringComparison.Ordinal)) ? "; " : ", ";
        var sentence = new StringBuilder(leadIn).Append(' ');
        for (int i = 0; i < parts.Count; i++)
        {
            sentence.Append(i == 0 ? "" : i == parts.Count - 1 ? (separator == "; " ? "; and " : " and ") : separator).Append(parts[i]);
        }

        return sentence.Append('.').ToString();
    }

    // A title directly above its paragraph: short, no end punctuation (or a question), mostly capitalised words.
    // Hard-wrapped prose has a long first line of mostly lower-case words, so it is not taken for a title.
    static bool LooksLikeHeadingLine(string line)
    {
        if (!ClaimShape.LooksLikeTitle(line))
        {
            return false;
        }

        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return line.TrimEnd().EndsWith('?') || words.Count(w => char.IsUpper(w[0])) >= 0.6 * words.Length;
    }

    static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    [GeneratedRegex(@"^\s{0,3}(=+|-+)\s*$")]
    private static partial Regex SetextRegex();

    [GeneratedRegex(@"^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$")]
    private static partial Regex BoldOnlyRegex();
}
