using PodcastFactory.Core.Costs;
using System.Globalization;
using System.Text.Json;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// The rule-based checks of <see cref="OfflineEvaluatorAgent"/> plus an LLM judge, which also fact-checks: a verdict
/// (supported, unsupported, contradicted) with a reason on every claim against its cited passage, kept in the review's
/// <see cref="ScriptReview.FactCheck"/> and the manifest's <c>factCheck</c>. The rules can veto: the script
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

        Dictionary<string, string> values = ShowBrief.CastValues(brief);
        values["language"] = LanguagePacks.Describe(brief.Language);
        values["targetWords"] = TextStats.TargetWords(brief.TargetMinutes).ToString(CultureInfo.InvariantCulture);
        string system = Prompts.System(Prompts.Evaluator, values);
        // Turns numbered as the verdicts name them; the passages are what a claim is judged against. The producer's
        // instructions travel as data in the message, never in the system part.
        string user = DataBlocks.Join(
            [.. DataBlocks.Instructions(brief),
            DataBlocks.Notes(research),
            DataBlocks.Passages(research),
            // Series memory: a line referring back to an earlier episode is judged against what that episode was.
            DataBlocks.Earlier(research.Earlier),
            DataBlocks.Block("SCRIPT", JsonSerializer.Serialize(
                new { script.Title, Turns = script.Turns.Select((t, i) => new { Turn = i + 1, t.Speaker, t.Text, t.Claims, t.Chapter }) }, StructuredChat.Json))]);
        AgentResult<JudgeAnswer> judged = await chat.AskAsync<JudgeAnswer>(
            AgentNames.Evaluator, "review", system, user, a => a.Validate(script), OutputTokenCaps.Review, cancellationToken,
            new Dictionary<string, IReadOnlyCollection<string>> { ["claims.verdict"] = ClaimVerdicts.All });

        JudgeAnswer judge = judged.Value;
        FactCheckReport facts = judge.ToFactCheck();
        ReviewCheck factCheck = FactCheckCheck(facts);
        var checks = ruled.Checks.Append(factCheck).Concat(judge.ToChecks()).ToList();
        checks.Add(new ReviewCheck("judge", judge.Passed, string.Create(CultureInfo.InvariantCulture, $"LLM judge score {judge.Score:0.00}")));
        var suggestions = ruled.Suggestions
            .Concat(factCheck.Passed ? [] : [FactCheckSuggestion(facts)])
            .Concat((judge.Suggestions ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var review = new ScriptReview(script.Revision, ruled.Passed && factCheck.Passed && judge.Passed,
            Math.Round((ruled.Score + judge.Score) / 2, 4), checks, suggestions, facts);
        return new AgentResult<ScriptReview>(review, judged.Usage);
    }

    static ReviewCheck FactCheckCheck(FactCheckReport facts) => new(FactCheck.CheckName, facts.Unsupported.Count == 0,
        string.Create(CultureInfo.InvariantCulture, $"judge: {facts.ClaimsSupported} of {facts.ClaimsChecked} claims supported by their cited passages")
        + (facts.Unsupported.Count == 0 ? "" : ". " + Turns(facts)));

    static string FactCheckSuggestion(FactCheckReport facts) =>
        $"Rewrite or remove each claim its passage does not support, so the turn says only what the passage says: {Turns(facts)}.";

    static string Turns(FactCheckReport facts) => string.Join("; ", facts.Unsupported.Select(u =>
        string.Create(CultureInfo.InvariantCulture, $"turn {u.Turn} (note {u.Note}) {u.Verdict}: {u.Reason}")));

    // The offline review's story checks (fragments, list items, repetition, arc; last in its order, so their
    // suggestions are last too) judge the offline writer's templates
    // and chapters; for a model's script the judge weighs flow, so only the rules about length, coverage, balance,
    // segment size, grounding and structure can veto.
    static ScriptReview OnlyFormRules(ScriptReview review)
    {
        // The lexical fact-check gives way to the judge's, which allows a paraphrase in new words.
        string[] story = [CheckNames.Fragments, CheckNames.ListItems, CheckNames.Repetition, CheckNames.Arc, CheckNames.SpokenText, FactCheck.CheckName];
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
