using PodcastFactory.Core.Costs;
using System.Globalization;
using System.Text.Json;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// The rule-based checks of <see cref="OfflineEvaluatorAgent"/> plus an LLM judge. The rules can veto: the script
/// passes only when every rule and the judge pass. Checks and suggestions of both are merged (rules first, the
/// judge's checks named "judge:..."); the score is the mean of both scores. Only the judge's tokens are charged.
/// </summary>
public sealed class LlmEvaluatorAgent(StructuredChat chat, OfflineEvaluatorAgent rules) : IEvaluatorAgent
{
    /// <inheritdoc />
    public async Task<AgentResult<ScriptReview>> EvaluateAsync(ScriptBrief brief, Script script, ResearchNotes research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(research);
        ScriptReview ruled = OnlyFormRules((await rules.EvaluateAsync(brief, script, research, cancellationToken)).Value);

        string system = Prompts.System(Prompts.Evaluator, new Dictionary<string, string>
        {
            ["topic"] = brief.Topic,
            ["hosts"] = string.Join(" and ", brief.Hosts.Select(h => h.Name)),
            ["targetWords"] = TextStats.TargetWords(brief.TargetMinutes).ToString(CultureInfo.InvariantCulture),
        });
        string user = DataBlocks.Notes(research) + "\n\n"
            + DataBlocks.Block("SCRIPT", JsonSerializer.Serialize(new { script.Title, script.Turns }, StructuredChat.Json));
        AgentResult<JudgeAnswer> judged = await chat.AskAsync<JudgeAnswer>(
            AgentNames.Evaluator, "review", system, user, a => a.Validate(), OutputTokenCaps.Review, cancellationToken);

        JudgeAnswer judge = judged.Value;
        var checks = ruled.Checks.Concat(judge.ToChecks()).ToList();
        checks.Add(new ReviewCheck("judge", judge.Passed, string.Create(CultureInfo.InvariantCulture, $"LLM judge score {judge.Score:0.00}")));
        var suggestions = ruled.Suggestions
            .Concat((judge.Suggestions ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var review = new ScriptReview(script.Revision, ruled.Passed && judge.Passed, Math.Round((ruled.Score + judge.Score) / 2, 4), checks, suggestions);
        return new AgentResult<ScriptReview>(review, judged.Usage);
    }

    // The offline review's story checks (fragments, list items, repetition, arc; last in its order, so their
    // suggestions are last too) judge the offline writer's templates
    // and chapters; for a model's script the judge weighs flow, so only the rules about length, coverage, balance,
    // segment size, grounding and structure can veto.
    static ScriptReview OnlyFormRules(ScriptReview review)
    {
        string[] story = [CheckNames.Fragments, CheckNames.ListItems, CheckNames.Repetition, CheckNames.Arc];
        List<ReviewCheck> checks = review.Checks.Where(c => !story.Contains(c.Name, StringComparer.Ordinal)).ToList();
        int passed = checks.Count(c => c.Passed);
        return review with
        {
            Passed = passed == checks.Count,
            Score = checks.Count == 0 ? 1 : Math.Round((double)passed / checks.Count, 4),
            Checks = checks,
            Suggestions = review.Suggestions.Take(checks.Count(c => !c.Passed)).ToList(),
        };
    }
}
