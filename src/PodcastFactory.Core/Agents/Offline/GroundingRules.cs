using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Shared grounding heuristics, so the evaluator judges and the script writer repairs by the same rules.
/// A turn with claims is traceable when every claim is a valid note index and the text matches the claimed notes
/// (<see cref="TextOverlap.Match"/> of at least 0.5). A turn without claims "looks like an uncited fact" when one
/// of its non-question sentences contains a number that is not in the topic (numbers are the typical mark of a
/// factual statement) or restates a research note (60% or more of its five or more content words, ignoring topic
/// words and host names, come from one note) without citing it.
/// </summary>
internal static class GroundingRules
{
    /// <summary>Minimum match between a claimed turn and its notes.</summary>
    public const double MinClaimMatch = 0.5;

    /// <summary>Minimum share of a sentence's words found in one note for it to count as a restated note.</summary>
    public const double RestatementCoverage = 0.6;

    /// <summary>Sentences with fewer content words are conversational, not claims.</summary>
    public const int MinClaimWords = 5;

    /// <summary>True when every claim index is a valid note index.</summary>
    public static bool HasValidClaims(ScriptTurn turn, IReadOnlyList<ResearchNote> notes) =>
        turn.Claims is { Count: > 0 } claims && claims.All(i => i >= 0 && i < notes.Count);

    /// <summary>True when the turn cites valid notes and its text matches them.</summary>
    public static bool IsTraceable(ScriptTurn turn, IReadOnlyList<ResearchNote> notes) =>
        HasValidClaims(turn, notes)
        && TextOverlap.Match(turn.Text, string.Join(" ", turn.Claims!.Distinct().Select(i => notes[i].Text))) >= MinClaimMatch;

    /// <summary>True when an uncited turn contains a sentence that reads like a factual claim (see the type remarks).</summary>
    public static bool LooksLikeUncitedFact(ScriptTurn turn, IReadOnlyList<ResearchNote> notes, string topic, IEnumerable<string> hostNames)
    {
        // The sources' own headings are named by the connecting lines that open their sections: naming one is no claim.
        HashSet<string> ignored = TextTokenizer.TokenSet(topic);
        ignored.UnionWith(hostNames.SelectMany(TextTokenizer.Tokenize));
        ignored.UnionWith(notes.SelectMany(n => TextTokenizer.Tokenize(n.Section)));
        string named = topic + " " + string.Join(" ", notes.Select(n => n.Section));
        List<HashSet<string>> noteTokens = notes.Select(n => TextTokenizer.TokenSet(n.Text)).ToList();

        foreach (string sentence in SentenceSplitter.SplitSentences(turn.Text))
        {
            if (sentence.TrimEnd().EndsWith('?'))
            {
                continue;
            }

            if (sentence.Any(char.IsDigit) && !sentence.Where(char.IsDigit).All(named.Contains))
            {
                return true;
            }

            HashSet<string> tokens = TextTokenizer.TokenSet(sentence);
            tokens.ExceptWith(ignored);
            if (tokens.Count >= MinClaimWords && noteTokens.Any(n => TextOverlap.Coverage(tokens, n) >= RestatementCoverage))
            {
                return true;
            }
        }

        return false;
    }
}
