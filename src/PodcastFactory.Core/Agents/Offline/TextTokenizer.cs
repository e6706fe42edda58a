using System.Text;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Turns text into content tokens: lower-case words and numbers, stop words removed, with a light suffix
/// stemmer so "replays", "replayed" and "replaying" all match "replay". Deterministic and culture-invariant.
/// </summary>
internal static class TextTokenizer
{
    /// <summary>Content tokens in order of appearance (duplicates kept).</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var word = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                // Any other character (including apostrophes: "it's" -> "it" + "s") ends the word; the
                // one-letter clitic is then dropped.
                Flush(word, tokens);
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    /// <summary>Distinct content tokens.</summary>
    public static HashSet<string> TokenSet(string? text) => new(Tokenize(text), StringComparer.Ordinal);

    /// <summary>Reduces a lower-case word to a crude stem (plural, "-ing" and "-ed" endings).</summary>
    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        string w = word.ToString();
        word.Clear();
        if (w.Length > 1 && !StopWords.Contains(w))
        {
            tokens.Add(Stem(w));
        }
    }
}
