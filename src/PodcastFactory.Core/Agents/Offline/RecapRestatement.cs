using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The recap's own rule (issue 23: "takeaways restate in new words, never repeat a note verbatim"): a recap sentence
/// reads a note out again when it holds a whole sentence of a note (four words or more) or shares a run of eight words
/// with a note or with an earlier turn that stated one. The names of the sections and the topic are taken out first:
/// naming a part of the episode again is what a recap does. Words are compared lower-case, punctuation ignored.
/// </summary>
internal static class RecapRestatement
{
    const int MinSentenceWords = 4, RunWords = 8;

    /// <summary>One finding per recap sentence that repeats a note or an earlier stated sentence verbatim, naming its turn (1-based).</summary>
    /// <param name="turns">The script's turns.</param>
    /// <param name="recapStart">The first turn of the recap (<paramref name="turns"/>' count when there is none).</param>
    /// <param name="notes">The research notes.</param>
    /// <param name="topic">The episode's topic, which a recap may name.</param>
    public static IEnumerable<string> Findings(IReadOnlyList<ScriptTurn> turns, int recapStart, IReadOnlyList<ResearchNote> notes, string topic)
    {
        List<string> said = notes.Select(n => n.Text)
            .Concat(turns.Take(recapStart).Where(t => t.Claims is { Count: > 0 }).Select(t => t.Text)).ToList();
        List<string[]> wholeSentences = notes.SelectMany(n => SentenceSplitter.SplitSentences(n.Text)).Select(Words)
            .Where(w => w.Length >= MinSentenceWords).ToList();
        HashSet<string> runs = said.SelectMany(text => Runs(Words(text))).ToHashSet(StringComparer.Ordinal);
        string[] names = [.. notes.Select(n => n.Section).OfType<string>().Append(topic).Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => string.Join(' ', Words(n))).Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length)];

        for (int t = recapStart; t < turns.Count; t++)
        {
            foreach (string sentence in SentenceSplitter.SplitSentences(turns[t].Text))
            {
                // Each name becomes a break, so no run or sentence can match across it.
                string spoken = " " + string.Join(' ', Words(sentence)) + " ";
                spoken = names.Aggregate(spoken, (text, name) => text.Replace(" " + name + " ", " | ", StringComparison.Ordinal));
                bool whole = wholeSentences.Any(w => spoken.Contains(" " + string.Join(' ', w) + " ", StringComparison.Ordinal));
                if (whole || Runs(spoken.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(runs.Contains))
                {
                    yield return $"turn {t + 1} reads a note out again in the recap (\"{Quote(sentence)}\"): restate it in new words";
                }
            }
        }
    }

    static string[] Words(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '|' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Runs of eight words that do not cross a name taken out ("|").
    static IEnumerable<string> Runs(string[] words) =>
        Enumerable.Range(0, Math.Max(0, words.Length - RunWords + 1))
            .Select(i => words.AsSpan(i, RunWords).ToArray())
            .Where(run => !run.Contains("|"))
            .Select(run => string.Join(' ', run));

    static string Quote(string text) => text.Length <= 60 ? text : text[..60].TrimEnd() + "...";
}
