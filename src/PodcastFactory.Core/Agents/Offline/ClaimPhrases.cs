using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Picks words out of a note for the other host to pick up: the subject of a definition ("A checkpoint is a durable
/// record" -> "a checkpoint") and the note's most specific noun phrase, content words after a determiner or preposition
/// that are rare across the episode's notes ("idempotency key"). Only words of the note itself are returned, so a line built on them adds no fact.
/// </summary>
internal sealed partial class ClaimPhrases
{
    const int MaxPhraseWords = 3, CommonWordNotes = 3;

    static readonly HashSet<string> _phraseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "every", "each", "its", "their", "this", "these", "those", "of", "in", "on", "for", "with",
        "from", "about", "into", "between", "some", "many", "any", "your", "our", "called", "known", "as",
    };

    static readonly HashSet<string> _objectStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "every", "each", "its", "their", "this", "these", "those", "them", "it", "him", "her", "us",
        "you", "out", "up", "any", "all", "some", "more", "less", "just", "only", "to",
    };

    static readonly HashSet<string> _participles = new(StringComparer.OrdinalIgnoreCase)
    {
        "made", "done", "given", "taken", "known", "seen", "shown", "built", "found", "kept", "held", "run", "set",
    };

    static readonly HashSet<string> _notNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "whose", "also", "still", "always", "often", "never", "already", "however", "instead", "something", "anything",
        "everything", "nothing", "there", "thing", "things", "way", "ways", "lot", "without", "within", "across", "along",
        "around", "behind", "beyond", "despite", "except", "inside", "outside", "toward", "towards", "upon", "unlike",
        "among", "throughout", "whether", "although", "though", "unless", "since",
    };

    // The script planner renders a plan once per candidate note, and every render asked for the phrases of all notes
    // again: splitting every note into words per render was 12 % of an offline episode's CPU (issue 22's profile).
    // The counts depend only on the notes, so one instance serves every render of the same list.
    static readonly ConditionalWeakTable<IReadOnlyList<ResearchNote>, ClaimPhrases> _byNotes = new();

    readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, List<(string Word, string Punctuation, bool Boundary)>> _words = new(StringComparer.Ordinal);

    /// <summary>Counts in how many notes each word occurs; rare words make specific phrases.</summary>
    public ClaimPhrases(IEnumerable<ResearchNote> notes)
    {
        foreach (ResearchNote note in notes)
        {
            foreach (string word in WordsOf(note.Text).Select(w => w.Word.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + 1;
            }
        }
    }

    /// <summary>The phrases of <paramref name="notes"/>, shared by every caller that passes the same list (it is read-only once built).</summary>
    public static ClaimPhrases For(IReadOnlyList<ResearchNote> notes) => _byNotes.GetValue(notes, n => new ClaimPhrases(n));

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

    /// <summary>
    /// The note's most specific noun phrase: a run of one to three content words right after a determiner or
    /// preposition ("an idempotency key", "of the payment provider"), scored by how rare its words are across the
    /// notes; null when the note has none.
    /// </summary>
    public string? KeyPhrase(string note)
    {
        List<(string Word, string Punctuation, bool Boundary)> words = WordsOf(note);
        string? best = null;
        double bestScore = 0;
        for (int i = 1; i < words.Count; i++)
        {
            if (!_phraseStarts.Contains(words[i - 1].Word) || words[i - 1].Boundary)
            {
                continue;
            }

            int start = i;
            int length = 0;
            while (length < MaxPhraseWords && start + length < words.Count && IsContent(words[start + length].Word))
            {
                length++;
                if (words[start + length - 1].Boundary)
                {
                    break;
                }
            }

            // A word followed by a determiner or pronoun is a verb ("loads the history"), and a participle ends no name.
            while (length > 0 && (LeadsObject(words, start + length - 1) || IsParticiple(words[start + length - 1].Word)))
            {
                length--;
            }

            // A lone word is weak: an adjective before a comma ("a short, focused prompt") or a word most notes share
            // ("agents") is no phrase at all, and two or three words score above one.
            if (length == 1 && (words[start].Punctuation.StartsWith(',') || _documentFrequency.GetValueOrDefault(words[start].Word.ToLowerInvariant()) >= CommonWordNotes))
            {
                continue;
            }

            double score = Enumerable.Range(start, length).Sum(k => Rarity(words[k].Word)) / Math.Sqrt(Math.Max(1, length)) * (length > 1 ? 1.5 : 1);
            if (length > 0 && score > bestScore)
            {
                bestScore = score;
                best = string.Join(' ', words.Skip(start).Take(length).Select(w => w.Word));
            }
        }

        return best;
    }

    double Rarity(string word) => 1.0 / _documentFrequency.GetValueOrDefault(word.ToLowerInvariant(), 1);

    static bool IsContent(string word) =>
        word.Length >= 3 && !StopWords.Contains(word.ToLowerInvariant()) && !_notNames.Contains(word) && !word.EndsWith("ly", StringComparison.Ordinal)
        && word.All(c => char.IsLetter(c) || c == '-');

    // A note's words, split once: the same notes are asked about in every render of the plan (read only after).
    List<(string Word, string Punctuation, bool Boundary)> WordsOf(string text) => _words.GetOrAdd(text, Words);

    // Words with the punctuation after them; Boundary is true when there is some (a phrase does not cross it).
    static List<(string Word, string Punctuation, bool Boundary)> Words(string text) =>
        WordRegex().Matches(text)
            .Select(m => (m.Groups["word"].Value, m.Groups["punct"].Value, m.Groups["punct"].Value.Length > 0))
            .ToList();

    static bool LeadsObject(List<(string Word, string Punctuation, bool Boundary)> words, int index) =>
        !words[index].Boundary && index + 1 < words.Count && _objectStarts.Contains(words[index + 1].Word);

    static bool IsParticiple(string word) =>
        word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || _participles.Contains(word);

    static bool IsArticle(string word) => word is "A" or "An" or "The" or "a" or "an" or "the";

    static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(@"^(?<subject>(?:(?:A|An|The)\s)?[\w-]+(?:\s[\w-]+){0,2})\s(?<verb>is|are|means)\s(?:a|an|the|called|what|how|when)\b")]
    private static partial Regex DefinitionRegex();

    [GeneratedRegex(@"(?<word>[\p{L}\p{N}][\p{L}\p{N}'-]*)(?<punct>[^\s\p{L}\p{N}]*)")]
    private static partial Regex WordRegex();
}
