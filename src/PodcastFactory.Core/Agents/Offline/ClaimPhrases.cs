using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Picks the subject of a definition out of a note ("A checkpoint is a durable record" -> "a checkpoint"), so the other
/// host can ask the question the note answers. Only words of the note itself are returned, so a line built on them adds
/// no fact.
/// </summary>
internal static partial class ClaimPhrases
{
    /// <summary>The subject of a definition ("the core idea", "event sourcing") and its verb ("is", "are", "means"), or null.</summary>
    public static (string Subject, string Verb)? Definition(string note)
    {
        Match match = DefinitionRegex().Match(note);
        if (!match.Success)
        {
            return null;
        }

        string subject = match.Groups["subject"].Value;
        string[] words = subject.Split(' ');
        if (words.Skip(1).Concat(words.Take(1).Where(w => !IsArticle(w))).Any(w => StopWords.Contains(w.ToLowerInvariant())))
        {
            return null;
        }

        return (LowerFirst(subject), match.Groups["verb"].Value);
    }

    static bool IsArticle(string word) => word is "A" or "An" or "The" or "a" or "an" or "the";

    static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(@"^(?<subject>(?:(?:A|An|The)\s)?[\w-]+(?:\s[\w-]+){0,2})\s(?<verb>is|are|means)\s(?:a|an|the|called|what|how|when)\b")]
    private static partial Regex DefinitionRegex();
}
