using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Checks of how the script tells its story: "fragments" and "list-items" (a stated note cannot stand alone, see
/// <see cref="ClaimShape"/>), "repetition" (a connecting line said twice, a note told twice outside the recap, or read
/// out again in it: <see cref="RecapRestatement"/>) and
/// "arc" (an intro that says what the episode covers, sections opened by a transition, a recap before the sign-off).
/// Every failure names the turns (1-based) so a writer can fix them.
/// </summary>
internal static class NarrativeChecks
{
    const int IntroTurns = 3, RecapTurns = 4, QuoteCharacters = 60, MinRepeatWords = 3;
    static readonly string[] _overviewCues = LanguagePacks.AllCues(c => c.Overview);
    static readonly string[] _recapCues = LanguagePacks.AllCues(c => c.Recap);

    /// <summary>No stated note is a heading, navigation text, a question or a fragment.</summary>
    public static CheckOutcome Fragments(Script script, ResearchNotes research) =>
        ShapeCheck(CheckNames.Fragments, script, research, problem => problem != ClaimShape.InstructionProblem,
            "reads as a fragment", "Drop or rewrite the fragments in turns {0}: each states a note that is not a full sentence a listener can follow on its own.");

    /// <summary>No stated note is an instruction lifted out of a list.</summary>
    public static CheckOutcome ListItems(Script script, ResearchNotes research) =>
        ShapeCheck(CheckNames.ListItems, script, research, problem => problem == ClaimShape.InstructionProblem,
            "is a list item out of context", "Drop the list items in turns {0} or join them to the sentence that introduces their list.");

    /// <summary>No connecting line is said twice, no note is told twice outside the recap, and the recap reads no note out again.</summary>
    public static CheckOutcome Repetition(Script script, ResearchNotes research)
    {
        IReadOnlyList<ScriptTurn> turns = script.Turns;
        int recapStart = RecapStart(turns);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var toldAt = new Dictionary<int, int>();
        var problems = new List<string>();
        for (int t = 0; t < turns.Count; t++)
        {
            foreach (string line in ConnectingSentences(turns[t], research.Notes))
            {
                string key = new(line.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
                if (TextStats.CountWords(line) >= MinRepeatWords && !lines.TryAdd(key, t))
                {
                    problems.Add($"turn {t + 1} repeats \"{Quote(line)}\" from turn {lines[key] + 1}");
                }
            }

            bool continuation = t > 0 && turns[t - 1].Speaker == turns[t].Speaker;
            foreach (int note in (turns[t].Claims ?? []).Distinct().Where(_ => t < recapStart))
            {
                if (!toldAt.TryAdd(note, t) && !(continuation && toldAt[note] == t - 1))
                {
                    problems.Add($"turn {t + 1} tells note #{note} again (first told in turn {toldAt[note] + 1})");
                }

                toldAt[note] = t;
            }
        }

        // The recap may cite notes again, but it restates them: a note read out there is a repeat too.
        problems.AddRange(RecapRestatement.Findings(turns, recapStart, research.Notes, research.Topic));
        string detail = problems.Count == 0 ? "no connecting line or note repeated" : $"{problems.Count} repeats: {string.Join("; ", problems.Take(5))}";
        return problems.Count == 0
            ? CheckOutcome.Pass(CheckNames.Repetition, detail)
            : CheckOutcome.Fail(CheckNames.Repetition, detail, $"Vary the connecting lines and tell each note once: {string.Join("; ", problems.Take(5))}.");
    }

    /// <summary>An intro that says what the episode covers, section transitions, and a recap before the sign-off.</summary>
    public static CheckOutcome Arc(Script script, ResearchNotes research)
    {
        IReadOnlyList<ScriptTurn> turns = script.Turns;
        if (!turns.Any(t => t.Claims is { Count: > 0 }))
        {
            return CheckOutcome.Pass(CheckNames.Arc, "no notes presented, so no arc is needed");
        }

        var problems = new List<string>();
        int introEnd = Math.Min(IntroTurns, turns.Count);
        if (!turns.Take(introEnd).Any(t => Has(t.Text, _overviewCues)))
        {
            problems.Add($"the intro (turns 1-{introEnd}) does not say what the episode covers");
        }

        int angles = turns.SelectMany(t => t.Claims ?? []).Where(i => i >= 0 && i < research.Notes.Count)
            .Select(i => research.Notes[i].Angle).Where(a => a is not null).Distinct().Count();
        int recapStart = RecapStart(turns);
        int sections = turns.Skip(1).Take(Math.Max(0, recapStart - 1)).Count(t => !string.IsNullOrWhiteSpace(t.Chapter));
        int needed = Math.Min(2, Math.Max(1, angles));
        if (sections < needed)
        {
            problems.Add($"the body has {sections} section transitions (chapters), at least {needed} needed for notes from {angles} angles");
        }

        if (recapStart >= turns.Count)
        {
            int from = Math.Max(1, turns.Count - RecapTurns + 1);
            problems.Add($"no recap of the takeaways before the sign-off (turns {from}-{turns.Count})");
        }

        string detail = $"intro overview {(problems.Any(p => p.StartsWith("the intro", StringComparison.Ordinal)) ? "missing" : "present")}; "
            + $"{sections} sections for {angles} angles; recap {(recapStart < turns.Count ? $"at turn {recapStart + 1}" : "missing")}";
        return problems.Count == 0
            ? CheckOutcome.Pass(CheckNames.Arc, detail)
            : CheckOutcome.Fail(CheckNames.Arc, detail, $"Give the episode an arc: {string.Join("; ", problems)}.");
    }

    static CheckOutcome ShapeCheck(string name, Script script, ResearchNotes research, Func<string, bool> counts, string what, string suggestion)
    {
        var found = new List<(int Turn, string Text, string Problem)>();
        for (int t = 0; t < script.Turns.Count; t++)
        {
            foreach (int note in (script.Turns[t].Claims ?? []).Distinct().Where(i => i >= 0 && i < research.Notes.Count))
            {
                if (ClaimShape.Problem(research.Notes[note].Text) is string problem && counts(problem))
                {
                    found.Add((t, research.Notes[note].Text, problem));
                }
            }
        }

        string detail = found.Count == 0
            ? "every stated note stands on its own"
            : $"{found.Count} stated notes {what}: " + string.Join("; ", found.Take(5).Select(f => $"turn {f.Turn + 1} \"{Quote(f.Text)}\" ({f.Problem})"));
        return found.Count == 0
            ? CheckOutcome.Pass(name, detail)
            : CheckOutcome.Fail(name, detail, string.Format(System.Globalization.CultureInfo.InvariantCulture, suggestion,
                string.Join(", ", found.Select(f => f.Turn + 1).Distinct())));
    }

    // The recap starts at the last turn in the final third with a recap cue or a takeaways chapter; Count when none.
    static int RecapStart(IReadOnlyList<ScriptTurn> turns)
    {
        for (int t = turns.Count - 1; t >= turns.Count * 2 / 3; t--)
        {
            if (Has(turns[t].Text, _recapCues) || Has(turns[t].Chapter ?? "", _recapCues))
            {
                return t;
            }
        }

        return turns.Count;
    }

    // Sentences of a turn that state no note it cites: the connecting lines.
    static IEnumerable<string> ConnectingSentences(ScriptTurn turn, IReadOnlyList<ResearchNote> notes)
    {
        List<HashSet<string>> cited = (turn.Claims ?? []).Where(i => i >= 0 && i < notes.Count)
            .Select(i => TextTokenizer.TokenSet(notes[i].Text)).ToList();
        return SentenceSplitter.SplitSentences(turn.Text)
            .Where(s => !cited.Any(c => TextOverlap.Coverage(TextTokenizer.TokenSet(s), c) >= GroundingRules.RestatementCoverage));
    }

    static bool Has(string text, string[] cues) => cues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));

    static string Quote(string text) => text.Length <= QuoteCharacters ? text : text[..QuoteCharacters].TrimEnd() + "...";
}
