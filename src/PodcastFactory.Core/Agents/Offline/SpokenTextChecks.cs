using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The "spoken-text" check: reads every sentence as a listener hears it and fails what sounded wrong in the offline
/// episodes of issue 23: a heading glued to a sentence ("The Core Pillars of an Orchestration Framework Effective agent
/// orchestration..."), a list folded into one sentence (a colon, then four or more long items, or items chained with
/// semicolons), a thin echo (a reaction of at most four words whose content words all come from the turn before:
/// "Post, noted."), and a fragment question (one the next turn does not answer, or one built around a dangling word:
/// "Where does agent best come in?"). Each finding names its turn (1-based).
/// </summary>
internal static class SpokenTextChecks
{
    const int MaxEchoWords = 4, MinFoldedItems = 4, MinFoldedItemWords = 3, MaxFindings = 6;

    static readonly HashSet<string> _titleSmallWords = new(StringComparer.Ordinal)
    {
        "of", "a", "an", "the", "and", "for", "to", "in", "on", "with", "at", "by", "or", "vs", "from",
    };

    static readonly HashSet<string> _dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "best", "most", "more", "very", "also", "only", "just", "then", "which", "that", "this", "these", "those", "such",
        "often", "always", "never", "first", "same", "other", "own",
    };

    static readonly HashSet<string> _filler = new(StringComparer.Ordinal)
    {
        "noted", "note", "got", "it", "right", "okay", "ok", "good", "great", "sure", "yes", "yeah", "interesting", "huh", "mm",
        "ah", "so", "fair", "enough", "i", "see", "that's", "helps", "clear",
    };

    static readonly HashSet<string> _questionWords = new(StringComparer.Ordinal)
    {
        "what", "where", "why", "how", "when", "which", "who", "does", "do", "is", "are", "can", "about", "at",
    };

    /// <summary>The check over <paramref name="script"/>.</summary>
    public static CheckOutcome Check(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var findings = new List<string>();
        for (int t = 0; t < script.Turns.Count; t++)
        {
            ScriptTurn? before = t > 0 ? script.Turns[t - 1] : null, after = t + 1 < script.Turns.Count ? script.Turns[t + 1] : null;
            foreach (string sentence in SentenceSplitter.SplitSentences(script.Turns[t].Text).Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                if (GluedHeading(sentence))
                {
                    findings.Add(Finding(t, "glued heading", sentence));
                }
                else if (FoldedList(sentence))
                {
                    findings.Add(Finding(t, "folded list", sentence));
                }
                else if (before is not null && !sentence.EndsWith('?') && ThinEcho(sentence, before))
                {
                    findings.Add(Finding(t, "thin echo", sentence));
                }
                else if (sentence.EndsWith('?') && FragmentQuestion(sentence, script.Turns[t], after))
                {
                    findings.Add(Finding(t, "fragment or unanswered question", sentence));
                }
            }
        }

        string detail = findings.Count == 0
            ? "no glued heading, folded list, thin echo or fragment question"
            : string.Create(CultureInfo.InvariantCulture, $"{findings.Count} problems: {string.Join("; ", findings.Take(MaxFindings))}");
        return findings.Count == 0
            ? CheckOutcome.Pass(CheckNames.SpokenText, detail)
            : CheckOutcome.Fail(CheckNames.SpokenText, detail,
                $"Fix what a listener would stumble on: {string.Join("; ", findings.Take(MaxFindings))}. Split headings from sentences, tell steps one by one, react in your own words, and ask questions the next turn answers.");
    }

    /// <summary>A title-case run of three or more words (small words allowed inside) glued to a sentence that goes on in lower case.</summary>
    public static bool GluedHeading(string sentence)
    {
        if (ClaimShape.GluedHeading(sentence))
        {
            return true;
        }

        // A run with a small word inside ("of an") is a title, not a name: "Azure Durable Functions uses" is a sentence.
        string[] words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int capitals = 0;
        bool small = false;
        for (int i = 0; i < Math.Min(words.Length - 1, 14); i++)
        {
            string word = words[i];
            if (i >= 3 && capitals >= 3 && small && IsTitleWord(word) && IsTitleWord(words[i - 1]) && StartsLower(words[i + 1]))
            {
                return true;
            }

            if (char.IsPunctuation(word[^1]) || !(IsTitleWord(word) || _titleSmallWords.Contains(word)))
            {
                return false;
            }

            capitals += IsTitleWord(word) ? 1 : 0;
            small |= i > 0 && _titleSmallWords.Contains(word);
        }

        return false;
    }

    /// <summary>A colon followed by four or more items of three or more words, or items chained with two or more semicolons.</summary>
    public static bool FoldedList(string sentence)
    {
        if (sentence.Count(c => c == ';') >= 2)
        {
            return true;
        }

        int colon = sentence.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        string[] items = sentence[(colon + 1)..].Split([',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(i => i.Split(" and ", StringSplitOptions.RemoveEmptyEntries))
            .Where(i => i.Trim().Length > 0)
            .ToArray();
        return items.Length >= MinFoldedItems && items.Average(i => TextStats.CountWords(i)) >= MinFoldedItemWords;
    }

    /// <summary>A reaction of at most four words whose content words all repeat the turn before.</summary>
    public static bool ThinEcho(string sentence, ScriptTurn before)
    {
        // The filler around the echoed words ("noted", "got it") is not content of its own.
        HashSet<string> words = TextTokenizer.TokenSet(string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !_filler.Contains(w.Trim(',', '.', ':', '!').ToLowerInvariant()))));
        return TextStats.CountWords(sentence) <= MaxEchoWords && words.Count > 0 && words.IsSubsetOf(TextTokenizer.TokenSet(before.Text));
    }

    /// <summary>A question built around a dangling word, or one that the next turn (by the other host) does not answer.</summary>
    public static bool FragmentQuestion(string question, ScriptTurn turn, ScriptTurn? next)
    {
        // "agent best": a qualifier left hanging after a content word, where the phrase was cut out of a sentence.
        string[] words = question.TrimEnd('?').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.').ToLowerInvariant()).ToArray();
        bool dangling = Enumerable.Range(1, Math.Max(0, words.Length - 1))
            .Any(k => _dangling.Contains(words[k]) && !StopWords.Contains(words[k - 1]) && !_questionWords.Contains(words[k - 1]));
        if (dangling && words.Length <= 7)
        {
            return true;
        }

        // The question must be the turn's last sentence, handed to the other host, who answers it.
        bool last = turn.Text.TrimEnd().EndsWith(question, StringComparison.Ordinal);
        return !last || next is null || next.Speaker == turn.Speaker || next.Claims is not { Count: > 0 } && TextStats.CountWords(next.Text) < 8;
    }

    static bool IsTitleWord(string word) => word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]));

    static bool StartsLower(string word) => word.Length > 0 && char.IsLower(word[0]);

    static string Finding(int turn, string what, string sentence) =>
        string.Create(CultureInfo.InvariantCulture, $"turn {turn + 1} {what} \"{(sentence.Length <= 60 ? sentence : sentence[..60].TrimEnd() + "...")}\"");
}
