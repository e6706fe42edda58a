using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Splits a (Markdown or plain text) source into sentences. Paragraphs come from <see cref="SourceBlocks"/> (headings,
/// code, navigation and lists out of context are left out); a sentence that opens with a pronoun or connective
/// pointing back ("It", "This", "But"...) is joined to the sentence before it, so a note can stand on its own.
/// </summary>
internal static class SentenceSplitter
{
    // Every embedded language's abbreviations and back-pointing openers: a German "z.B." never ends a sentence and a
    // Spanish "Esto..." leans on the one before, whatever language the episode is in (none of them starts an English sentence).
    static readonly HashSet<string> _abbreviations = LanguagePacks.All.SelectMany(p => p.Abbreviations).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A sentence that depends on the previous one is joined to it only while the two stay within this many words.</summary>
    public const int MaxJoinedWords = 60;

    static readonly HashSet<string> _contextOpeners = LanguagePacks.All.SelectMany(p => p.ContextOpeners).ToHashSet(StringComparer.Ordinal);

    static readonly string[] _contextPhrases =
    [
        "The second ", "The third ", "The same ", "The latter ", "The former ", "The other ", "In this ", "For this ", "Because of this",
    ];

    /// <summary>All sentences of the document, in order, with their locators.</summary>
    public static IReadOnlyList<SourceSentence> Split(SourceDocument document, int documentIndex)
    {
        List<List<(string Text, (int First, int Last) Sentences)>> paragraphs = SourceBlocks.Paragraphs(document.Text)
            .Select(p => JoinDependents(SplitSentences(p)))
            .Where(p => p.Count > 0)
            .ToList();
        int total = paragraphs.Sum(p => p.Count);
        bool singleParagraph = paragraphs.Count == 1;

        var result = new List<SourceSentence>(total);
        for (int p = 0; p < paragraphs.Count; p++)
        {
            for (int s = 0; s < paragraphs[p].Count; s++)
            {
                int position = result.Count;
                (int first, int last) = paragraphs[p][s].Sentences;
                string sentences = first == last ? $"sentence {first}" : $"sentences {first}-{last}";
                string locator = singleParagraph ? sentences : $"paragraph {p + 1}, {sentences}";
                double relative = total <= 1 ? 0 : (double)position / (total - 1);
                result.Add(new SourceSentence(paragraphs[p][s].Text, document.Name, locator, documentIndex, position, relative));
            }
        }

        return result;
    }

    /// <summary>Splits plain text into sentences at '.', '!' or '?' followed by a capital, digit, quote or opening mark (Spanish '¿', '¡'; '«', '„').</summary>
    public static List<string> SplitSentences(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            int end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201d' or '\u2019' or '\u00bb')
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            int next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            bool atEnd = next >= text.Length;
            bool startsSentence = atEnd || char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '\u201c' or '(' or '\u00bf' or '\u00a1' or '\u00ab' or '\u201e';
            if (!startsSentence || (text[i] == '.' && IsAbbreviation(text, i)))
            {
                i = end - 1;
                continue;
            }

            Add(sentences, text[start..end]);
            start = next;
            i = next - 1;
        }

        if (start < text.Length)
        {
            Add(sentences, text[start..]);
        }

        return sentences;
    }

    // A sentence that leans on the one before it ("It is...", "This keeps...", "Others keep...") is joined to it, so
    // a note never starts with a pronoun the listener cannot resolve. Joins stop at MaxJoinedWords.
    static List<(string Text, (int First, int Last) Sentences)> JoinDependents(List<string> sentences)
    {
        var units = new List<(string Text, (int First, int Last) Sentences)>();
        for (int i = 0; i < sentences.Count; i++)
        {
            string sentence = sentences[i];
            bool dependent = units.Count > 0
                && (_contextOpeners.Contains(FirstWord(sentence)) || _contextPhrases.Any(p => sentence.StartsWith(p, StringComparison.Ordinal)))
                && TextStats.CountWords(units[^1].Text) + TextStats.CountWords(sentence) <= MaxJoinedWords;
            if (dependent)
            {
                units[^1] = (units[^1].Text + " " + sentence, (units[^1].Sentences.First, i + 1));
            }
            else
            {
                units.Add((sentence, (i + 1, i + 1)));
            }
        }

        return units;
    }

    static string FirstWord(string sentence)
    {
        int end = 0;
        while (end < sentence.Length && char.IsLetter(sentence[end]))
        {
            end++;
        }

        return sentence[..end];
    }

    static bool IsAbbreviation(string text, int dot)
    {
        int wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        string word = text[wordStart..dot];
        // Single capital letters ("J. Smith") are initials, not sentence ends.
        return _abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    static void Add(List<string> sentences, string sentence)
    {
        string trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
