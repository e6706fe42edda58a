using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// What a takeaway says about its section in new words (issue 23: "takeaways restate in new words, never repeat a note
/// verbatim"). Each note the section told is compressed to its key phrase: what it says a thing "is called" or is "known
/// as" ("The core idea is called durable execution" -> "durable execution"), else the short subject it says something
/// about ("Versioning is one of the hardest problems" -> "versioning", "A checkpoint is..." -> "the checkpoint"); an
/// alias ("sometimes called an orchestration") is not a key phrase. At most two per section, none that the section's own
/// name or an earlier takeaway already says; they go in a frame of their own ("..., which comes down to durable execution
/// and the checkpoint"). The phrases are words of the notes themselves, so a takeaway adds no
/// fact; a note without such a phrase gives none, and a section without any is named alone.
/// </summary>
internal static partial class TakeawayPhrases
{
    const int MaxPhrases = 2;

    // One frame per takeaway, in order, so three takeaways do not share a shape.
    static readonly string[] _frames = ["{0}, which comes down to {1}", "{0}, where it all turns on {1}", "{0}, so keep {1} in mind"];

    /// <summary>The <paramref name="index"/>-th (0-based) takeaway's words after its lead-in: the section's name, then its key phrases in a frame.</summary>
    /// <param name="index">The takeaway's position in the recap.</param>
    /// <param name="name">How the section was named ("background and definitions").</param>
    /// <param name="notes">The texts of the notes the section told, in order.</param>
    /// <param name="said">The key phrases earlier takeaways used (their content words), so none comes back; this one's are added.</param>
    public static string Restate(int index, string name, IEnumerable<string> notes, ISet<string> said)
    {
        IReadOnlyList<string> phrases = KeyPhrases(name, notes, said);
        if (phrases.Count == 0)
        {
            return name;
        }

        string joined = phrases.Count == 1 ? phrases[0] : $"{phrases[0]} and {phrases[1]}";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, _frames[Math.Min(index, _frames.Length - 1)], name, joined);
    }

    /// <summary>
    /// Up to two key phrases of <paramref name="notes"/>, in order, none made only of words of <paramref name="name"/>
    /// and none in <paramref name="said"/> (to which they are added).
    /// </summary>
    public static IReadOnlyList<string> KeyPhrases(string name, IEnumerable<string> notes, ISet<string> said)
    {
        HashSet<string> named = TextTokenizer.TokenSet(name);
        var phrases = new List<string>();
        foreach (string note in notes)
        {
            if (KeyPhrase(note) is not string phrase)
            {
                continue;
            }

            HashSet<string> words = TextTokenizer.TokenSet(phrase);
            if (words.Count > 0 && !words.IsSubsetOf(named) && said.Add(string.Join(' ', words.Order(StringComparer.Ordinal))))
            {
                phrases.Add(phrase);
                if (phrases.Count == MaxPhrases)
                {
                    break;
                }
            }
        }

        return phrases;
    }

    /// <summary>The key phrase of one note, or null when it has none this rule can find.</summary>
    public static string? KeyPhrase(string note)
    {
        Match named = NamedRegex().Match(note);
        if (named.Success && Plain(named.Groups["phrase"].Value, sentenceStart: false) is string name)
        {
            return name;
        }

        Match subject = SubjectRegex().Match(note.TrimStart());
        return subject.Success ? Plain(subject.Groups["phrase"].Value, sentenceStart: true) : null;
    }

    // A phrase of content words (an article first at most), "the" for "a"/"an" so it reads as something already heard.
    // Its first word loses the capital the sentence gave it, unless the phrase is a name ("Azure Durable Functions").
    static string? Plain(string phrase, bool sentenceStart)
    {
        string[] words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool article = words.Length > 1 && words[0].ToLowerInvariant() is "a" or "an" or "the";
        string[] rest = article ? words[1..] : words;
        if (rest.Length == 0 || rest.Any(w => StopWords.Contains(w.ToLowerInvariant())))
        {
            return null;
        }

        string body = string.Join(' ', rest);
        bool capitalOnlyForTheSentence = sentenceStart && rest.Skip(1).All(w => !char.IsUpper(w[0])) && body.Length > 1 && !char.IsUpper(body[1]);
        return (article ? "the " : "") + (capitalOnlyForTheSentence ? char.ToLowerInvariant(body[0]) + body[1..] : body);
    }

    [GeneratedRegex(@"(?<!\b(?:sometimes|also|often)\s)\b(?:called|known as)\s(?<phrase>(?:(?:a|an|the)\s)?[\w-]+(?:\s[\w-]+){0,2}?)(?=\s*(?:[.,;:!?]|$))")]
    private static partial Regex NamedRegex();

    [GeneratedRegex(@"^(?<phrase>(?:(?:A|An|The)\s)?[\w-]+(?:\s[\w-]+){0,2}?)\s(?:is|are|means|was|were)\b")]
    private static partial Regex SubjectRegex();
}
