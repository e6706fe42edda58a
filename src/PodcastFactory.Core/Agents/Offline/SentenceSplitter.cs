using System.Text;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Splits a (Markdown or plain text) source into sentences. Paragraphs are separated by blank lines; each list item
/// is its own paragraph; headings, code blocks and rules are skipped because they are not statements.
/// </summary>
internal static class SentenceSplitter
{
    static readonly HashSet<string> _abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "fig", "no", "approx", "cf", "st",
    };

    /// <summary>All sentences of the document, in order, with their locators.</summary>
    public static IReadOnlyList<SourceSentence> Split(SourceDocument document, int documentIndex)
    {
        List<List<string>> paragraphs = Paragraphs(document.Text)
            .Select(SplitSentences)
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
                string locator = singleParagraph ? $"sentence {s + 1}" : $"paragraph {p + 1}, sentence {s + 1}";
                double relative = total <= 1 ? 0 : (double)position / (total - 1);
                result.Add(new SourceSentence(paragraphs[p][s], document.Name, locator, documentIndex, position, relative));
            }
        }

        return result;
    }

    /// <summary>Splits plain text into sentences at '.', '!' or '?' followed by a capital, digit or quote.</summary>
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
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201d' or '\u2019')
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
            bool startsSentence = atEnd || char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '\u201c' or '(';
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

    static IEnumerable<string> Paragraphs(string text)
    {
        var current = new StringBuilder();
        bool inCode = false;
        foreach (string rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (MarkdownStripper.IsCodeFence(rawLine))
            {
                inCode = !inCode;
                continue;
            }

            bool blank = string.IsNullOrWhiteSpace(rawLine);
            bool skip = inCode || MarkdownStripper.IsHeading(rawLine) || MarkdownStripper.IsRule(rawLine);
            if (blank || skip || MarkdownStripper.IsListItem(rawLine))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                if (blank || skip)
                {
                    continue;
                }
            }

            current.Append(current.Length > 0 ? " " : "").Append(MarkdownStripper.StripLine(rawLine));
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
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
