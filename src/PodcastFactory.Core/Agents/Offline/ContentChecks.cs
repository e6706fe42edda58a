using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Checks of what the script says: "length", "coverage" and "grounding".</summary>
internal static class ContentChecks
{
    const double Tolerance = 0.25, CoverageMatch = 0.6;
    const int ConnectiveWordsPerPoint = 8;

    /// <summary>
    /// Word count within ±25% of the target. A script below the range passes when it presents every research note:
    /// with too few notes the achievable length is what counts, and padding would mean inventing.
    /// </summary>
    public static CheckOutcome Length(ScriptBrief brief, Script script, ResearchNotes research)
    {
        int words = script.WordCount, target = TextStats.TargetWords(brief.TargetMinutes);
        int low = (int)Math.Round(target * (1 - Tolerance), MidpointRounding.AwayFromZero);
        int high = (int)Math.Round(target * (1 + Tolerance), MidpointRounding.AwayFromZero);
        HashSet<int> used = UsedNotes(script, research);
        int unused = research.Notes.Count - used.Count;
        string detail = $"{words} words; target {target} ({low}-{high}) at {TextStats.WordsPerMinute} words per minute; {used.Count} of {research.Notes.Count} notes used";

        if (words >= low && words <= high)
        {
            return CheckOutcome.Pass(CheckNames.Length, detail);
        }

        if (words < low && unused == 0)
        {
            return CheckOutcome.Pass(CheckNames.Length, $"{detail}; below target but every note is used, so this is the achievable length");
        }

        int perPoint = ConnectiveWordsPerPoint + (research.Notes.Count == 0 ? 0
            : (int)Math.Ceiling(research.Notes.Average(n => TextStats.CountWords(n.Text))));
        int points = Math.Max(1, (int)Math.Ceiling(Math.Abs(target - words) / (double)Math.Max(1, perPoint)));
        string suggestion = words < low
            ? $"Script is {words} words; target is {target} ±25% ({low}-{high}): add about {Math.Min(points, unused)} more key points from the research ({unused} unused)."
            : $"Script is {words} words; target is {target} ±25% ({low}-{high}): drop about {points} of the lowest-ranked key points.";
        return CheckOutcome.Fail(CheckNames.Length, detail, suggestion);
    }

    /// <summary>
    /// The top key points (min(5, notes, 2 x target minutes), see <see cref="ScriptPlanner.TopKeyPoints"/>) appear:
    /// cited by index, or stated (60% of the note's words in one turn).
    /// </summary>
    public static CheckOutcome Coverage(ScriptBrief brief, Script script, ResearchNotes research)
    {
        HashSet<int> used = UsedNotes(script, research);
        List<HashSet<string>> turnTokens = script.Turns.Select(t => TextTokenizer.TokenSet(t.Text)).ToList();
        List<int> top = ScriptPlanner.TopKeyPoints(brief, research).ToList();
        List<int> missing = top
            .Where(i => !used.Contains(i))
            .Where(i => !turnTokens.Any(t => TextOverlap.Coverage(TextTokenizer.TokenSet(research.Notes[i].Text), t) >= CoverageMatch))
            .ToList();

        string list = string.Join(", ", missing.Select(i => $"#{i}"));
        string detail = top.Count == 0
            ? "no research notes to cover"
            : $"{top.Count - missing.Count} of the top {top.Count} key points covered" + (missing.Count > 0 ? $"; missing notes {list}" : "");
        return missing.Count == 0
            ? CheckOutcome.Pass(CheckNames.Coverage, detail)
            : CheckOutcome.Fail(CheckNames.Coverage, detail, $"Add the missing top key points (research notes {list}) to the script, citing each in its turn's claims.");
    }

    /// <summary>Claimed turns cite valid, matching notes; uncited turns state no facts (see <see cref="GroundingRules"/>).</summary>
    public static CheckOutcome Grounding(ScriptBrief brief, Script script, ResearchNotes research)
    {
        IReadOnlyList<ResearchNote> notes = research.Notes;
        List<int> claimed = Indexes(script, t => t.Claims is { Count: > 0 });
        List<int> badClaims = claimed.Where(i => !GroundingRules.IsTraceable(script.Turns[i], notes)).ToList();
        List<int> uncitedFacts = Indexes(script, t => t.Claims is not { Count: > 0 }
            && GroundingRules.LooksLikeUncitedFact(t, notes, brief.Topic, brief.Hosts.Select(h => h.Name)));

        string detail = $"{claimed.Count} turns cite notes, {badClaims.Count} of them with invalid or unmatched note indexes"
            + $" (match below {GroundingRules.MinClaimMatch:0.0}); {uncitedFacts.Count} uncited turns look like factual claims";
        if (badClaims.Count == 0 && uncitedFacts.Count == 0)
        {
            return CheckOutcome.Pass(CheckNames.Grounding, detail);
        }

        string Turns(List<int> list) => string.Join(", ", list.Select(i => i + 1));
        string suggestion = (badClaims.Count, uncitedFacts.Count) switch
        {
            (> 0, > 0) => $"Remove or correct the claims of turns {Turns(badClaims)} and cite or remove the uncited facts in turns {Turns(uncitedFacts)}.",
            (> 0, _) => $"Remove or correct the claims of turns {Turns(badClaims)}: they cite notes that do not exist or that the text does not state.",
            _ => $"Cite the research note behind turns {Turns(uncitedFacts)} or remove their factual statements.",
        };
        return CheckOutcome.Fail(CheckNames.Grounding, detail, suggestion);
    }

    /// <summary>Valid note indexes cited anywhere in the script.</summary>
    public static HashSet<int> UsedNotes(Script script, ResearchNotes research) =>
        script.Turns.SelectMany(t => t.Claims ?? []).Where(i => i >= 0 && i < research.Notes.Count).ToHashSet();

    static List<int> Indexes(Script script, Func<ScriptTurn, bool> predicate) =>
        script.Turns.Select((t, i) => (t, i)).Where(x => predicate(x.t)).Select(x => x.i).ToList();
}
