using System.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Rule-based script review: "length", "coverage", "balance", "segment-limit", "grounding", "structure", "language", "fact-check"
/// (see <see cref="FactCheck"/>; its report is kept in the review), and how the story is told: "fragments", "list-items", "repetition", "arc" and "spoken-text"
/// (see <see cref="CheckNames"/>). The script passes when every check passes; the score is the fraction of checks
/// passed; each failed check adds one concrete suggestion with the measured numbers.
/// </summary>
public sealed class OfflineEvaluatorAgent : IEvaluatorAgent
{
    /// <inheritdoc />
    public Task<AgentResult<ScriptReview>> EvaluateAsync(ScriptBrief brief, Script script, ResearchNotes research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(research);
        cancellationToken.ThrowIfCancellationRequested();
        long start = Stopwatch.GetTimestamp();

        CheckOutcome[] outcomes =
        [
            ContentChecks.Length(brief, script, research),
            ContentChecks.Coverage(brief, script, research),
            FormChecks.Balance(brief, script),
            FormChecks.SegmentLimit(brief, script),
            ContentChecks.Grounding(brief, script, research),
            FormChecks.Structure(brief, script),
            LanguageCheck.Check(brief, script),
            // The fact-check and the story checks come last: the model path replaces them with its judge's and drops
            // their suggestions from the end.
            FactCheck.Outcome(script, research),
            NarrativeChecks.Fragments(script, research),
            NarrativeChecks.ListItems(script, research),
            NarrativeChecks.Repetition(script, research),
            NarrativeChecks.Arc(script, research),
            SpokenTextChecks.Check(script),
        ];

        int passed = outcomes.Count(o => o.Check.Passed);
        var review = new ScriptReview(
            script.Revision,
            passed == outcomes.Length,
            Math.Round((double)passed / outcomes.Length, 4),
            outcomes.Select(o => o.Check).ToList(),
            outcomes.Where(o => o.Suggestion is not null).Select(o => o.Suggestion!).ToList(),
            FactCheck.Run(script, research));

        long input = script.WordCount + research.Notes.Sum(n => (long)TextStats.CountWords(n.Text));
        long output = review.Checks.Sum(c => (long)TextStats.CountWords(c.Detail)) + review.Suggestions.Sum(s => (long)TextStats.CountWords(s));
        return Task.FromResult(new AgentResult<ScriptReview>(review, OfflineUsage.Create(AgentNames.Evaluator, input, output, start)));
    }
}
