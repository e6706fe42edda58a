using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Lexical fact-check: each claim (a turn citing a note) is checked against the cited passage, which is the note's
/// verbatim page quote for web notes and the note itself (a verbatim source sentence offline) otherwise. A claim is
/// supported when <see cref="TextOverlap.Match"/> of the turn and the passage is at least <see cref="MinSupport"/>.
/// The LLM evaluator adds a model judge that sees the same passages.
/// </summary>
public static class FactCheck
{
    /// <summary>Check name in reviews.</summary>
    public const string CheckName = "fact-check";

    /// <summary>Least lexical match between a turn and its cited passage.</summary>
    public const double MinSupport = 0.5;

    /// <summary>The passage a note stands for.</summary>
    public static string Passage(ResearchNote note) =>
        note?.Web is { Quote.Length: > 0 } web ? web.Quote : note?.Text ?? "";

    /// <summary>True when <paramref name="note"/>'s passage supports what <paramref name="turn"/> says.</summary>
    public static bool Supports(ScriptTurn turn, ResearchNote note)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return TextOverlap.Match(turn.Text, Passage(note)) >= MinSupport;
    }

    /// <summary>Checks every claim of <paramref name="script"/> against <paramref name="research"/>.</summary>
    public static FactCheckReport Run(Script script, ResearchNotes research)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(research);
        int checkedCount = 0;
        var unsupported = new List<UnsupportedClaim>();
        for (int t = 0; t < script.Turns.Count; t++)
        {
            foreach (int note in (script.Turns[t].Claims ?? []).Distinct())
            {
                checkedCount++;
                if (note < 0 || note >= research.Notes.Count)
                {
                    unsupported.Add(new UnsupportedClaim(t + 1, note, "cites a note that does not exist"));
                    continue;
                }

                double match = TextOverlap.Match(script.Turns[t].Text, Passage(research.Notes[note]));
                if (match < MinSupport)
                {
                    unsupported.Add(new UnsupportedClaim(t + 1, note,
                        string.Create(CultureInfo.InvariantCulture, $"the cited passage supports {match:0.00} of it (at least {MinSupport:0.0} needed)")));
                }
            }
        }

        return new FactCheckReport(checkedCount, checkedCount - unsupported.Count, unsupported);
    }

    /// <summary>The review check: fails naming each turn with an unsupported claim.</summary>
    internal static CheckOutcome Outcome(Script script, ResearchNotes research)
    {
        FactCheckReport report = Run(script, research);
        string detail = string.Create(CultureInfo.InvariantCulture, $"{report.ClaimsSupported} of {report.ClaimsChecked} claims supported by their cited passages");
        if (report.Unsupported.Count == 0)
        {
            return CheckOutcome.Pass(CheckName, detail);
        }

        string turns = string.Join("; ", report.Unsupported.Select(u => string.Create(CultureInfo.InvariantCulture, $"turn {u.Turn} (note {u.Note}): {u.Reason}")));
        return CheckOutcome.Fail(CheckName, detail + ". Unsupported: " + turns,
            $"Remove or rewrite the unsupported claims so each states only what its cited passage says: {turns}.");
    }
}
