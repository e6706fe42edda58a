namespace PodcastFactory.Core.Models.Speech;

/// <summary>
/// Finds a lexicon's entries in text. Rules (docs/voices.md#pronunciation-lexicon):
/// <list type="bullet">
/// <item>Whole words only: an entry never matches inside a longer word ("SQL" is not found in "MySQL"), but punctuation
/// around it is fine ("SQL's", "(SQL)").</item>
/// <item>Case-aware: an entry written with a capital letter matches that exact case only ("SQL" not "sql"); an entry
/// written all in lower case matches any case ("nginx" also finds "Nginx" at the start of a sentence).</item>
/// <item>Longest match first, left to right, without overlap: with "New York" and "York", "New York" is one match; when two
/// entries match the same words, the exact-case one wins, then the one listed first.</item>
/// </list>
/// </summary>
public sealed class PronunciationLexicon
{
    /// <summary>A lexicon with no entries.</summary>
    public static readonly PronunciationLexicon Empty = new([]);

    readonly Dictionary<char, List<LexiconEntry>> _byFirstChar = [];

    /// <summary>Indexes <paramref name="entries"/> (blank ones are ignored).</summary>
    public PronunciationLexicon(IEnumerable<LexiconEntry>? entries)
    {
        foreach (LexiconEntry entry in entries ?? [])
        {
            if (entry is null || string.IsNullOrWhiteSpace(entry.Text))
            {
                continue;
            }

            LexiconEntry trimmed = entry with { Text = entry.Text.Trim() };
            char first = char.ToLowerInvariant(trimmed.Text[0]);
            if (!_byFirstChar.TryGetValue(first, out List<LexiconEntry>? list))
            {
                _byFirstChar[first] = list = [];
            }

            list.Add(trimmed);
        }
    }

    /// <summary>True when the lexicon has no entries.</summary>
    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>Every match in <paramref name="text"/>, in order: where it starts, how long it is and its entry.</summary>
    public IEnumerable<(int Start, int Length, LexiconEntry Entry)> Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            if (_byFirstChar.TryGetValue(char.ToLowerInvariant(text[i]), out List<LexiconEntry>? candidates) && Best(text, i, candidates) is { } best)
            {
                yield return (i, best.Text.Length, best);
                i += best.Text.Length - 1;
            }
        }
    }

    static LexiconEntry? Best(string text, int at, List<LexiconEntry> candidates)
    {
        LexiconEntry? best = null;
        bool bestExact = false;
        foreach (LexiconEntry entry in candidates)
        {
            if (!MatchesAt(text, at, entry.Text, out bool exact))
            {
                continue;
            }

            if (best is null || entry.Text.Length > best.Text.Length || (entry.Text.Length == best.Text.Length && exact && !bestExact))
            {
                (best, bestExact) = (entry, exact);
            }
        }

        return best;
    }

    static bool MatchesAt(string text, int at, string written, out bool exact)
    {
        exact = false;
        if (at + written.Length > text.Length)
        {
            return false;
        }

        ReadOnlySpan<char> here = text.AsSpan(at, written.Length);
        exact = here.SequenceEqual(written);
        bool caseSensitive = written.Any(char.IsUpper);
        if (!exact && (caseSensitive || !here.Equals(written, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Whole words: no letter or digit may continue the word on an edge that is itself a letter or digit.
        bool startsWord = char.IsLetterOrDigit(written[0]), endsWord = char.IsLetterOrDigit(written[^1]);
        return !(startsWord && at > 0 && char.IsLetterOrDigit(text[at - 1]))
            && !(endsWord && at + written.Length < text.Length && char.IsLetterOrDigit(text[at + written.Length]));
    }
}
