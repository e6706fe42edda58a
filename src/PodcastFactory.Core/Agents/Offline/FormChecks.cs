using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Checks of how the script is shaped: "balance", "segment-limit" and "structure", for a cast of 1-4 hosts.</summary>
internal static class FormChecks
{
    const int MaxTurnsPerChange = 4;
    static readonly string[] _introCues = LanguagePacks.AllCues(c => c.Intro);
    static readonly string[] _outroCues = LanguagePacks.AllCues(c => c.Outro);

    /// <summary>
    /// Every host carries a fair share of the words (<see cref="CastRules.Shares"/>): two hosts 35 % to 65 % each, three or
    /// four nobody under 15 %; a solo narrator has the words to themselves, so it passes when they speak at all.
    /// </summary>
    public static CheckOutcome Balance(ScriptBrief brief, Script script)
    {
        IReadOnlyList<string> cast = ScriptRenderer.HostNames(brief);
        List<(string Host, int Words)> words = cast.Select(h => (h, Words(script, h))).ToList();
        int total = words.Sum(w => w.Words);
        (double min, double max) = CastRules.Shares(cast.Count);
        double Share(int w) => total == 0 ? 0 : (double)w / total;
        string detail = string.Join(", ", words.Select(w => $"{w.Host} {Share(w.Words):P0} ({w.Words} words)")) + $"; allowed {min:P0}-{max:P0}";
        if (total > 0 && words.All(w => Share(w.Words) >= min - 1e-9 && Share(w.Words) <= max + 1e-9))
        {
            return CheckOutcome.Pass(CheckNames.Balance, detail);
        }

        (string loud, int loudWords) = words.MaxBy(w => w.Words);
        (string quiet, _) = words.MinBy(w => w.Words);
        return CheckOutcome.Fail(CheckNames.Balance, detail,
            $"{loud} speaks {Share(loudWords):P0} of the words (allowed {min:P0}-{max:P0}): give {quiet} more of the key points.");
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
    /// Every host appears and nobody else does; with two or more hosts, speakers change at least once every four turns
    /// (consecutive turns of one host are allowed where a long turn was split); the first turn is an uncited welcome or
    /// names the topic, and the last turn is an uncited sign-off.
    /// </summary>
    public static CheckOutcome Structure(ScriptBrief brief, Script script)
    {
        IReadOnlyList<string> cast = ScriptRenderer.HostNames(brief);
        IReadOnlyList<ScriptTurn> turns = script.Turns;
        var problems = new List<string>();

        List<(string Host, int Turns)> counts = cast.Select(h => (h, turns.Count(t => t.Speaker == h))).ToList();
        List<string> unknown = turns.Select(t => t.Speaker).Where(s => !cast.Contains(s)).Distinct().ToList();
        if (counts.Any(c => c.Turns == 0))
        {
            problems.Add(cast.Count == 1 ? $"let {cast[0]} speak" : $"let every host ({Names(cast)}) speak");
        }

        if (unknown.Count > 0)
        {
            problems.Add($"give the turns of {string.Join(", ", unknown)} to {Names(cast)}");
        }

        int changes = turns.Zip(turns.Skip(1)).Count(p => p.First.Speaker != p.Second.Speaker);
        int neededChanges = cast.Count == 1 ? 0 : (int)Math.Ceiling(Math.Max(0, turns.Count - 1) / (double)MaxTurnsPerChange);
        if (changes < neededChanges)
        {
            problems.Add("alternate the hosts instead of long runs by one speaker");
        }

        bool intro = turns.Count > 0 && turns[0].Claims is not { Count: > 0 } && HasCue(turns[0].Text, [.. _introCues, brief.Topic]);
        bool outro = turns.Count > 1 && turns[^1].Claims is not { Count: > 0 } && HasCue(turns[^1].Text, _outroCues);
        if (!intro)
        {
            problems.Add($"open with {cast[0]} welcoming listeners and naming the topic");
        }

        if (!outro)
        {
            problems.Add("close with a sign-off that thanks the listeners");
        }

        string detail = string.Join(", ", counts.Select(c => $"{c.Host} {c.Turns} turns")) + $", other speakers {unknown.Count}; speaker changes {changes} "
            + $"(need at least {neededChanges}); intro {(intro ? "present" : "missing")}; outro {(outro ? "present" : "missing")}";
        return problems.Count == 0
            ? CheckOutcome.Pass(CheckNames.Structure, detail)
            : CheckOutcome.Fail(CheckNames.Structure, detail, $"Fix the structure: {string.Join("; ", problems)}.");
    }

    static string Names(IReadOnlyList<string> cast) => cast.Count switch
    {
        1 => cast[0],
        _ => string.Join(", ", cast.Take(cast.Count - 1)) + " or " + cast[^1],
    };

    static int Words(Script script, string speaker) =>
        script.Turns.Where(t => t.Speaker == speaker).Sum(t => TextStats.CountWords(t.Text));

    static bool HasCue(string text, IEnumerable<string> cues) =>
        cues.Any(c => !string.IsNullOrWhiteSpace(c) && text.Contains(c, StringComparison.OrdinalIgnoreCase));
}
