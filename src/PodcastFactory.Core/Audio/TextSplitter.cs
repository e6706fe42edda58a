using System.Text;

namespace PodcastFactory.Core.Audio;

/// <summary>Splits text into sentences, and over-long sentences into clause or word pieces.</summary>
internal static class TextSplitter
{
    const string SentenceEnds = ".!?…";
    const string Closers = "\"')]”’»";
    const string ClauseEnds = ",;:—–";

    /// <summary>Collapses every run of whitespace into one space and trims.</summary>
    public static string NormalizeWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Splits normalised text after sentence-ending punctuation (and any closing quotes) followed by a space.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!SentenceEnds.Contains(text[i], StringComparison.Ordinal))
            {
                continue;
            }

            int end = i + 1;
            while (end < text.Length && (SentenceEnds.Contains(text[end], StringComparison.Ordinal) || Closers.Contains(text[end], StringComparison.Ordinal)))
            {
                end++;
            }

            if (end == text.Length || text[end] == ' ')
            {
                AddTrimmed(sentences, text[start..end]);
                start = end;
            }

            i = end - 1;
        }

        AddTrimmed(sentences, text[start..]);
        return sentences;
    }

    /// <summary>
    /// Cuts <paramref name="sentence"/> into pieces of at most <paramref name="maxCharacters"/>: at the last clause
    /// break that keeps a piece at least a third full, else at the last space, else (one huge word) mid-word.
    /// </summary>
    public static IEnumerable<string> SplitLong(string sentence, int maxCharacters)
    {
        string rest = sentence;
        while (rest.Length > maxCharacters)
        {
            int cut = LastBreak(rest, maxCharacters);
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    static int LastBreak(string text, int maxCharacters)
    {
        // A cut at index n keeps text[..n]; a break after text[n - 1] is allowed when text[n] is a space.
        int clause = -1, space = -1;
        for (int n = Math.Min(maxCharacters, text.Length - 1); n > 0; n--)
        {
            if (text[n] != ' ')
            {
                continue;
            }

            if (space < 0)
            {
                space = n;
            }

            if (ClauseEnds.Contains(text[n - 1], StringComparison.Ordinal))
            {
                clause = n;
                break;
            }
        }

        if (clause >= maxCharacters / 3)
        {
            return clause;
        }

        if (space > 0)
        {
            return space;
        }

        // No space at all: cut mid-word, never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[maxCharacters - 1]) ? maxCharacters - 1 : maxCharacters;
    }

    static void AddTrimmed(List<string> target, string piece)
    {
        string trimmed = piece.Trim();
        if (trimmed.Length > 0)
        {
            target.Add(trimmed);
        }
    }
}
