using System.Text.RegularExpressions;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Tells a sentence that can stand alone as a spoken claim from text that cannot: headings glued to a sentence,
/// titles phrased as questions, navigation and page furniture, instructions lifted out of a list, and fragments.
/// The research agent uses these rules to choose notes and the evaluator uses the same rules to judge a script.
/// </summary>
internal static partial class ClaimShape
{
    /// <summary>The problem <see cref="Problem"/> reports for an instruction (typically a list item out of context).</summary>
    public const string InstructionProblem = "an instruction out of its list or context";

    /// <summary>Sentences with fewer words are fragments.</summary>
    public const int MinWords = 5;

    static readonly string[] _navigation =
    [
        "skip to", "table of contents", "all rights reserved", "subscribe", "newsletter", "share it on", "share this",
        "read more", "related articles", "min read", "minutes read", "reading time", "posted by", "last updated",
        "click here", "sign up", "log in", "cookie", "follow us", "previous post", "next post", "did you find this",
        "back to top", "leave a comment", "copyright", "\u00a9",
    ];

    static readonly HashSet<string> _imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "add", "avoid", "build", "check", "choose", "click", "configure", "consider", "create", "define", "deploy",
        "design", "disable", "don't", "enable", "ensure", "follow", "go", "implement", "install", "keep", "let's",
        "make", "never", "open", "pass", "put", "read", "remember", "remove", "review", "run", "see", "set", "start",
        "stop", "test", "try", "update", "use", "write", "always", "do", "get", "give", "note", "return", "call",
    };

    /// <summary>Why <paramref name="sentence"/> cannot stand alone as a claim, or null when it can.</summary>
    public static string? Problem(string sentence)
    {
        string text = sentence.Trim();
        if (LooksLikeNavigation(text))
        {
            return "navigation or page text";
        }

        if (text.EndsWith('?'))
        {
            return "a question, not a claim";
        }

        if (GluedHeading(text))
        {
            return "a heading glued to a sentence";
        }

        if (IsInstruction(text))
        {
            return InstructionProblem;
        }

        return IsFragment(text) ? "a fragment, not a full sentence" : null;
    }

    /// <summary>True for menus, bylines, share and subscribe lines, copyright and similar page furniture.</summary>
    public static bool LooksLikeNavigation(string text)
    {
        string lower = text.ToLowerInvariant();
        return _navigation.Any(n => lower.Contains(n, StringComparison.Ordinal))
            || SeparatorRegex().Matches(text).Count >= 2;
    }

    /// <summary>True when the text starts with a run of three or more capitalised words followed by another capital: "What It Means Orchestration is...".</summary>
    public static bool GluedHeading(string text) => GluedHeadingRegex().IsMatch(text);

    /// <summary>True for a sentence that starts with a bare verb ("Write the endpoints."): an instruction, typical of list items.</summary>
    public static bool IsInstruction(string text)
    {
        string first = FirstWord(text);
        return _imperatives.Contains(first) && !text.Contains(" you ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for text that is not a full sentence: too short, no end punctuation, or starts in lower case.</summary>
    public static bool IsFragment(string text)
    {
        if (TextStats.CountWords(text) < MinWords)
        {
            return true;
        }

        string trimmed = text.TrimEnd('"', '\'', ')', '\u201d', '\u2019');
        bool ended = trimmed.EndsWith('.') || trimmed.EndsWith('!');
        char first = text.TrimStart('"', '\u201c', '(').FirstOrDefault();
        return !ended || char.IsLower(first);
    }

    /// <summary>True for a short line phrased like a title: no end punctuation, or a short question.</summary>
    public static bool LooksLikeTitle(string line)
    {
        string text = line.Trim();
        int words = TextStats.CountWords(text);
        if (words == 0 || words > 12)
        {
            return false;
        }

        return text.EndsWith('?') || !(text.EndsWith('.') || text.EndsWith('!') || text.EndsWith(':') || text.EndsWith(','));
    }

    static string FirstWord(string text)
    {
        int end = 0;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\''))
        {
            end++;
        }

        return text[..end];
    }

    [GeneratedRegex(@"\s[|\u00b7\u2022/]\s")]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^(?:[A-Z][\w'-]*\s+){3,}(?:[A-Z][\w'-]*\s+)?[A-Z][a-z]+\s+[a-z]+")]
    private static partial Regex GluedHeadingRegex();
}
