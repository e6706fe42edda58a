using System.Globalization;

namespace PodcastFactory.Core.Languages;

/// <summary>How much of a text is function words of one language.</summary>
/// <param name="Code">The language.</param>
/// <param name="Share">Its stop words as a fraction of the text's words (0..1).</param>
public sealed record LanguageScore(string Code, double Share);

/// <summary>What <see cref="LanguageShare.Judge"/> found.</summary>
/// <param name="Passed">True when the text is in the expected language (or the language has no pack to measure by).</param>
/// <param name="Detail">The measured shares, for the review.</param>
public sealed record LanguageVerdict(bool Passed, string Detail);

/// <summary>
/// Tells which language a text is in by its function words: every language's stop words are counted, and the text is
/// in the language whose stop words make up the largest share of its words. Function words are a third to a half of
/// running text in each of these languages and few are shared, so a script that drifted into English, or reads an
/// English source out in a Spanish frame, shows it at once; no model and no network needed.
/// </summary>
public static class LanguageShare
{
    /// <summary>A text with fewer words than this is too short to judge and passes.</summary>
    public const int MinWords = 30;

    /// <summary>The expected language must reach at least this share of function words.</summary>
    public const double MinShare = 0.15;

    /// <summary>Each embedded language's share in <paramref name="text"/>, highest first.</summary>
    public static IReadOnlyList<LanguageScore> Measure(string text)
    {
        List<string> words = Words(text);
        return [.. LanguagePacks.All
            .Select(p => new LanguageScore(p.Code, words.Count == 0 ? 0 : (double)words.Count(p.StopWords.Contains) / words.Count))
            .OrderByDescending(s => s.Share).ThenBy(s => s.Code, StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="text"/> is in <paramref name="language"/>: its share is the highest and at least <see cref="MinShare"/>.</summary>
    public static LanguageVerdict Judge(string text, string language)
    {
        string expected = LanguagePacks.Primary(language);
        if (LanguagePacks.Find(expected) is null)
        {
            return new(true, $"no stop words for '{language}' to measure by: not checked");
        }

        List<string> words = Words(text);
        IReadOnlyList<LanguageScore> scores = Measure(text);
        string shares = string.Join(", ", scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Code} {s.Share:0.00}")));
        if (words.Count < MinWords)
        {
            return new(true, $"{words.Count} words: too short to judge ({shares})");
        }

        double own = scores.First(s => s.Code == expected).Share;
        bool passed = own >= MinShare && scores[0].Share <= own;
        return new(passed, passed
            ? $"in '{expected}': function-word shares {shares}"
            : $"not in '{expected}': it reads as '{scores[0].Code}' (function-word shares {shares})");
    }

    static List<string> Words(string text)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && (char.IsLetter(text[i]) || (text[i] == '\'' && start >= 0));
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i].Trim('\'').ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
