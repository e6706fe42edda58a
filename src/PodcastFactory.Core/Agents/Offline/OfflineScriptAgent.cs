using System.Diagnostics;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Writes a templated two-host dialogue from the merged research notes, sized to the target length at
/// <see cref="TextStats.WordsPerMinute"/> words per minute. Every factual sentence is a research note stated
/// verbatim and cited in <see cref="ScriptTurn.Claims"/>; connecting lines come from fixed templates that add no facts.
/// </summary>
public sealed class OfflineScriptAgent : IScriptAgent
{
    /// <inheritdoc />
    public Task<AgentResult<Script>> WriteAsync(ScriptBrief brief, ResearchNotes research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        cancellationToken.ThrowIfCancellationRequested();
        long start = Stopwatch.GetTimestamp();

        SortedSet<int> plan = ScriptPlanner.Fit(brief, research, []);
        var script = new Script(Title(brief), ScriptRenderer.Render(brief, research, plan), Revision: 0);
        return Task.FromResult(Result(research, script, start));
    }

    /// <summary>
    /// Applies the failed checks of <paramref name="review"/> deterministically, then re-renders the dialogue:
    /// "grounding" drops claimed turns that do not match their notes (invalid indexes are always dropped), "fact-check"
    /// drops each claim its cited passage does not support, "fragments" and "list-items" drop the notes that cannot
    /// stand alone, "spoken-text" drops notes with a glued heading or a folded list, "coverage" adds the missing top key points,
    /// "length" adds unused notes or drops the lowest-ranked ones towards the target; re-rendering restores alternation,
    /// word balance, intro and outro ("balance", "structure"), the arc and lines said once ("arc", "repetition") and
    /// splits long turns ("segment-limit"). A review with no failed checks returns the script unchanged.
    /// </summary>
    public Task<AgentResult<Script>> ReviseAsync(ScriptBrief brief, ResearchNotes research, Script previous, ScriptReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(review);
        cancellationToken.ThrowIfCancellationRequested();
        long start = Stopwatch.GetTimestamp();

        var failed = review.Checks.Where(c => !c.Passed).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (failed.Count == 0)
        {
            return Task.FromResult(Result(research, previous with { Revision = previous.Revision + 1 }, start));
        }

        IEnumerable<int> plan = previous.Turns
            .Where(t => GroundingRules.HasValidClaims(t, research.Notes))
            .Where(t => !failed.Contains(CheckNames.Grounding) || GroundingRules.IsTraceable(t, research.Notes))
            .SelectMany(t => t.Claims!.Where(c => !failed.Contains(FactCheck.CheckName) || FactCheck.Supports(t, research.Notes[c])))
            .Where(i => !(failed.Contains(CheckNames.Fragments) || failed.Contains(CheckNames.ListItems))
                || ClaimShape.Problem(research.Notes[i].Text) is null)
            .Where(i => !failed.Contains(CheckNames.SpokenText)
                || !(SpokenTextChecks.GluedHeading(research.Notes[i].Text) || SpokenTextChecks.FoldedList(research.Notes[i].Text)))
            .ToList();

        if (failed.Contains(CheckNames.Coverage))
        {
            plan = plan.Union(ScriptPlanner.TopKeyPoints(brief, research)).ToList();
        }

        if (failed.Contains(CheckNames.Length))
        {
            plan = ScriptPlanner.Fit(brief, research, plan);
        }

        var script = new Script(previous.Title, ScriptRenderer.Render(brief, research, plan), previous.Revision + 1);
        return Task.FromResult(Result(research, script, start));
    }

    /// <summary>
    /// The offline writer has no second pass: its renderer already varies reactions, turns the source's own headings and
    /// questions into questions the next turn answers, and bridges sections (issue 23 item 5); a pass over its own
    /// templates would only reshuffle them.
    /// </summary>
    public const string PassThroughReason = "offline writer: its drafts already vary reactions, answer each question in the next turn and bridge sections, so there is no second pass";

    /// <inheritdoc />
    public string? NoPolishReason => PassThroughReason;

    /// <inheritdoc />
    /// <remarks>The languages with a pack: every line the offline writer adds comes from one.</remarks>
    public IReadOnlyList<string>? Languages => LanguagePacks.Codes;

    /// <summary>Returns the passed script unchanged (see <see cref="PassThroughReason"/>); the workflow never pays for it.</summary>
    public Task<AgentResult<Script>> PolishAsync(ScriptBrief brief, ResearchNotes research, Script passed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(research);
        ArgumentNullException.ThrowIfNull(passed);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Result(research, passed, Stopwatch.GetTimestamp()));
    }

    static string Title(ScriptBrief brief)
    {
        string trimmed = brief.Topic.Trim();
        return trimmed.Length == 0 ? LanguagePacks.For(brief.Language).Frame.Untitled : char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }

    static AgentResult<Script> Result(ResearchNotes research, Script script, long start) =>
        new(script, OfflineUsage.Create(
            AgentNames.ScriptWriter,
            research.Notes.Sum(n => (long)TextStats.CountWords(n.Text)) + TextStats.CountWords(research.Topic),
            script.WordCount,
            start));
}
