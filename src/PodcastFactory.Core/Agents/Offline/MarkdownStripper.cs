using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Removes Markdown syntax from one line of text so that only the spoken words remain.</summary>
internal static partial class MarkdownStripper
{
    /// <summary>True for a heading line ("# Title"): headings label sections, they are not claims.</summary>
    public static bool IsHeading(string line) => HeadingRegex().IsMatch(line);

    /// <summary>True for a list item line ("- item", "* item", "1. item").</summary>
    public static bool IsListItem(string line) => ListItemRegex().IsMatch(line);

    /// <summary>True for a code fence line ("```").</summary>
    public static bool IsCodeFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal);

    /// <summary>True for a table separator or horizontal rule, which carries no words.</summary>
    public static bool IsRule(string line) => RuleRegex().IsMatch(line);

    /// <summary>Strips block markers (heading, quote, bullet) and inline syntax (emphasis, links, code, HTML).</summary>
    public static string StripLine(string line)
    {
        string text = HeadingRegex().Replace(line, "");
        text = QuoteRegex().Replace(text, "");
        text = ListItemRegex().Replace(text, "");
        text = ImageRegex().Replace(text, "$1");
        text = LinkRegex().Replace(text, "$1");
        text = ReferenceLinkRegex().Replace(text, "$1");
        text = HtmlTagRegex().Replace(text, "");
        text = text.Replace("`", "", StringComparison.Ordinal);
        text = StrongRegex().Replace(text, "$2");
        text = EmphasisRegex().Replace(text, "$2");
        text = text.Replace("~~", "", StringComparison.Ordinal).Replace('|', ' ');
        return SpaceRegex().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}(\s+|$)")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^\s*(>\s*)+")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"^\s*([-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex ListItemRegex();

    [GeneratedRegex(@"^\s*([-*_=]\s*){3,}$|^\s*\|?\s*:?-{3,}")]
    private static partial Regex RuleRegex();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex ImageRegex();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLinkRegex();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTagRegex();

    [GeneratedRegex(@"(\*\*|__)(\S(?:.*?\S)?)\1")]
    private static partial Regex StrongRegex();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(\S(?:.*?\S)?)\1(?![\w*])")]
    private static partial Regex EmphasisRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRegex();
}
