using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The offline fact-check, a paraphrase-tolerant rule: each claim (a turn citing a note) is held against the cited
/// passage, which is the note's source paragraph (<see cref="ResearchNote.Passage"/>) together with the note itself (for
/// web notes its verbatim page quote instead). Words are compared as content-word stems ("recorded" matches "records"). A
/// claim is supported when at least <see cref="MinSupport"/> of the turn's claim-bearing stems occur in the passage (so a
/// rewording that takes its words from the source's paragraph passes), or the turn states that much of the note. The
/// turn's reactions and questions (sentences with fewer than three content words, or ending in '?') are not claims.
/// On the model path the judge decides instead (see <c>LlmEvaluatorAgent</c>), and a paraphrase in new words passes.
/// </summary>
public static class FactCheck
{
    /// <summary>Check name in reviews.</summary>
    public const string CheckName = "fact-check";

    /// <summary>Least share of the turn's claim stems found in the passage (or of the note's stems found in the turn).</summary>
    public const double MinSupport = 0.5;

    const int MinClaimStems = 3;

    /// <summary>
    /// What a note stands for: its verbatim page quote for web notes (the note's own text is the research model's
    /// wording there), the note otherwise; then its source paragraph.
    /// </summary>
    public static string Passage(ResearchNote note) =>
        note is null ? "" : string.Join(" ", new[] { Stated(note), note.Passage }.Where(p => !string.IsNullOrWhiteSpace(p)));

    static string Stated(ResearchNote note) => note.Web is { Quote.Length: > 0 } web ? web.Quote : note.Text;

    /// <summary>How well <paramref name="note"/>'s passage supports <paramref name="turn"/>, 0..1 (see the type remarks).</summary>
    public static double Support(ScriptTurn turn, ResearchNote note)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(note);
        HashSet<string> turnStems = TextTokenizer.TokenSet(turn.Text);
        var claimStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (string sentence in SentenceSplitter.SplitSentences(turn.Text))
        {
            HashSet<string> stems = TextTokenizer.TokenSet(sentence);
            if (stems.Count >= MinClaimStems && !sentence.TrimEnd().EndsWith('?'))
            {
                claimStems.UnionWith(stems);
            }
        }

        HashSet<string> passage = TextTokenizer.TokenSet(Passage(note));
        return Math.Max(
            TextOverlap.Coverage(TextTokenizer.TokenSet(Stated(note)), turnStems),
            TextOverlap.Coverage(claimStems.Count > 0 ? claimStems : turnStems, passage));
    }

    /// <summary>True when <paramref name="note"/>'s passage supports what <paramref name="turn"/> says.</summary>
    public static bool Supports(ScriptTurn turn, ResearchNote note) => Support(turn, note) >= MinSupport;

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

                double match = Support(script.Turns[t], research.Notes[note]);
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
