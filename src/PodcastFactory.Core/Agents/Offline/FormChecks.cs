using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Checks of how the script is shaped: "balance", "segment-limit" and "structure".</summary>
internal static class FormChecks
{
    const double MinShare = 0.35, MaxShare = 0.65;
    const int MaxTurnsPerChange = 4;
    static readonly string[] _introCues = LanguagePacks.AllCues(c => c.Intro);
    static readonly string[] _outroCues = LanguagePacks.AllCues(c => c.Outro);

    /// <summary>Each host speaks between 35% and 65% of the words.</summary>
    public static CheckOutcome Balance(ScriptBrief brief, Script script)
    {
        (string a, string b) = ScriptRenderer.HostNames(brief);
        int wordsA = Words(script, a), wordsB = Words(script, b), total = wordsA + wordsB;
        double shareA = total == 0 ? 0 : (double)wordsA / total, shareB = total == 0 ? 0 : (double)wordsB / total;
        string detail = $"{a} {shareA:P0} ({wordsA} words), {b} {shareB:P0} ({wordsB} words); allowed {MinShare:P0}-{MaxShare:P0}";
        if (total > 0 && shareA is >= MinShare and <= MaxShare)
        {
            return CheckOutcome.Pass(CheckNames.Balance, detail);
        }

        (string loud, double share, string quiet) = shareA >= shareB ? (a, shareA, b) : (b, shareB, a);
        return CheckOutcome.Fail(CheckNames.Balance, detail,
            $"{loud} speaks {share:P0} of the words (allowed {MinShare:P0}-{MaxShare:P0}): give {quiet} more of the key points.");
    }

    /// <summary>No turn is longer than the speech provider's input limit.</summary>
    public static CheckOutcome SegmentLimit(ScriptBrief brief, Script script)
    {
        int max = brief.MaxTurnCharacters;
        int over = script.Turns.Count(t => t.Text.Length > max);
        int longest = script.Turns.Count == 0 ? 0 : script.Turns.Max(t => t.Text.Length);
        string detail = $"{over} of {script.Turns.Count} turns exceed {max} characters; longest is {longest}";
        return over == 0
            ? CheckOutcome.Pass(CheckNames.SegmentLimit, detail)
            : CheckOutcome.Fail(CheckNames.SegmentLimit, detail,
                $"Split the {over} turns longer than {max} characters at sentence boundaries (the longest is {longest}).");
    }

    /// <summary>
    /// Both hosts appear and nobody else does; speakers change at least once every four turns (consecutive turns of
    /// one host are allowed where a long turn was split); the first turn is an uncited welcome or names the topic,
    /// and the last turn is an uncited sign-off.
    /// </summary>
    public static CheckOutcome Structure(ScriptBrief brief, Script script)
    {
        (string a, string b) = ScriptRenderer.HostNames(brief);
        IReadOnlyList<ScriptTurn> turns = script.Turns;
        var problems = new List<string>();

        int turnsA = turns.Count(t => t.Speaker == a), turnsB = turns.Count(t => t.Speaker == b);
        List<string> unknown = turns.Select(t => t.Speaker).Where(s => s != a && s != b).Distinct().ToList();
        if (turnsA == 0 || turnsB == 0)
        {
            problems.Add($"let both {a} and {b} speak");
        }

        if (unknown.Count > 0)
        {
            problems.Add($"give the turns of {string.Join(", ", unknown)} to {a} or {b}");
        }

        int changes = turns.Zip(turns.Skip(1)).Count(p => p.First.Speaker != p.Second.Speaker);
        int neededChanges = (int)Math.Ceiling(Math.Max(0, turns.Count - 1) / (double)MaxTurnsPerChange);
        if (changes < neededChanges)
        {
            problems.Add("alternate the hosts instead of long runs by one speaker");
        }

        bool intro = turns.Count > 0 && turns[0].Claims is not { Count: > 0 } && HasCue(turns[0].Text, [.. _introCues, brief.Topic]);
        bool outro = turns.Count > 1 && turns[^1].Claims is not { Count: > 0 } && HasCue(turns[^1].Text, _outroCues);
        if (!intro)
        {
            problems.Add($"open with {a} welcoming listeners and naming the topic");
        }

        if (!outro)
        {
            problems.Add("close with a sign-off that thanks the listeners");
        }

        string detail = $"{a} {turnsA} turns, {b} {turnsB} turns, other speakers {unknown.Count}; speaker changes {changes} "
            + $"(need at least {neededChanges}); intro {(intro ? "present" : "missing")}; outro {(outro ? "present" : "missing")}";
        return problems.Count == 0
            ? CheckOutcome.Pass(CheckNames.Structure, detail)
            : CheckOutcome.Fail(CheckNames.Structure, detail, $"Fix the structure: {string.Join("; ", problems)}.");
    }

    static int Words(Script script, string speaker) =>
        script.Turns.Where(t => t.Speaker == speaker).Sum(t => TextStats.CountWords(t.Text));

    static bool HasCue(string text, IEnumerable<string> cues) =>
        cues.Any(c => !string.IsNullOrWhiteSpace(c) && text.Contains(c, StringComparison.OrdinalIgnoreCase));
}
