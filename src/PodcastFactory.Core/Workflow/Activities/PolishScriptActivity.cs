using System.Globalization;
using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="PolishScriptActivity"/>: the revision that passed the quality gate.</summary>
public sealed record PolishScriptInput(string EpisodeId, ScriptBrief Brief, string ResearchJson, int PassedRevision);

/// <summary>What became of the polish pass.</summary>
public enum PolishOutcome
{
    /// <summary>The polished script passed review and is now <c>script.json</c>.</summary>
    Polished,
    /// <summary>The polished script failed review or dropped citations: the passed draft stays <c>script.json</c>.</summary>
    KeptDraft,
    /// <summary>The writer has no polish pass (offline): nothing was called or paid.</summary>
    Skipped,
}

/// <summary>
/// Output of <see cref="PolishScriptActivity"/>: the outcome and why, the current script's counts, the polished revision
/// and its review (null when skipped), the writer's and the reviewer's usage, and the polished title (when polished).
/// </summary>
public sealed record PolishScriptOutput(PolishOutcome Outcome, string Detail, string? RevisionArtifact, string? ReviewArtifact, int WordCount, int TurnCount,
    IReadOnlyList<AgentUsage> Usages, string? Title = null);

/// <summary>
/// The polish pass after the quality gate: the writer rewrites the passed script for natural conversation (revision
/// n+1), the evaluator fact-checks it again, and only a rewrite that keeps every citation and passes replaces
/// <c>script.json</c>; otherwise the passed draft stays, so a polish can never lose a passing script. Both calls go through
/// <see cref="PaidStep"/>, so a retry after a crash reuses what was paid.
/// </summary>
public sealed class PolishScriptActivity(IArtifactStore store, IScriptAgent writer, IEvaluatorAgent evaluator, PaidStep paidStep)
    : TaskActivity<PolishScriptInput, PolishScriptOutput>
{
    /// <inheritdoc />
    public override async Task<PolishScriptOutput> RunAsync(TaskActivityContext context, PolishScriptInput input)
    {
        string id = input.EpisodeId;
        Script passed = await store.ReadJsonAsync<Script>(ArtifactNames.ScriptRevision(id, input.PassedRevision), CancellationToken.None);
        if (writer.NoPolishReason is string reason)
        {
            return new PolishScriptOutput(PolishOutcome.Skipped, reason, null, null, passed.WordCount, passed.Turns.Count, []);
        }

        ResearchNotes research = await store.ReadJsonAsync<ResearchNotes>(input.ResearchJson, CancellationToken.None);
        int revision = input.PassedRevision + 1;
        string revisionName = ArtifactNames.ScriptRevision(id, revision);
        string hash = InputHash.Of(nameof(PolishScriptActivity), input, research, passed);
        PaidStepResult<Script> polish = await paidStep.RunAsync(
            new PaidStepKey(id, context.InstanceId, AgentNames.ScriptWriter, "words", revisionName, hash),
            reuse: () => store.ReadJsonAsync<Script>(revisionName, CancellationToken.None),
            pay: async () =>
            {
                AgentResult<Script> polished = await writer.PolishAsync(input.Brief, research, passed, CancellationToken.None);
                return polished with { Value = polished.Value with { Revision = revision } };
            },
            save: script => store.WriteJsonAsync(revisionName, script, hash, CancellationToken.None));
        Script polishedScript = polish.Value;

        // The model's answer is validated for citations already; this guards any writer, and saves the review's cost.
        IReadOnlyList<int> dropped = ScriptCitations.Dropped(passed, polishedScript);
        if (dropped.Count > 0)
        {
            string detail = "kept the passed draft: the polished script dropped the citations of notes " + string.Join(", ", dropped);
            return new PolishScriptOutput(PolishOutcome.KeptDraft, detail, revisionName, null, passed.WordCount, passed.Turns.Count, [polish.Usage]);
        }

        string reviewName = ArtifactNames.Review(id, revision);
        string reviewHash = InputHash.Of(nameof(PolishScriptActivity), "review", input, research, polishedScript);
        PaidStepResult<ScriptReview> review = await paidStep.RunAsync(
            new PaidStepKey(id, context.InstanceId, AgentNames.Evaluator, "words", reviewName, reviewHash),
            reuse: () => store.ReadJsonAsync<ScriptReview>(reviewName, CancellationToken.None),
            pay: async () =>
            {
                AgentResult<ScriptReview> judged = await evaluator.EvaluateAsync(input.Brief, polishedScript, research, CancellationToken.None);
                return judged with { Value = judged.Value with { Revision = revision } };
            },
            save: r => store.WriteJsonAsync(reviewName, r, reviewHash, CancellationToken.None));
        AgentUsage[] usages = [polish.Usage, review.Usage];
        if (!review.Value.Passed)
        {
            string failed = string.Join(", ", review.Value.Checks.Where(c => !c.Passed).Select(c => c.Name));
            string detail = string.Create(CultureInfo.InvariantCulture,
                $"kept the passed draft: the polished script failed review (score {review.Value.Score:0.00}; {(failed.Length > 0 ? failed : "judged failing")})");
            return new PolishScriptOutput(PolishOutcome.KeptDraft, detail, revisionName, reviewName, passed.WordCount, passed.Turns.Count, usages);
        }

        // Rewritten on every run, as the writer does, so a replay after a crash between the writes still converges.
        await store.WriteJsonAsync(ArtifactNames.Script(id), polishedScript, hash, CancellationToken.None);
        await store.WriteTextAsync(ArtifactNames.ScriptMarkdown(id), ScriptMarkdown.Render(polishedScript), hash, CancellationToken.None);
        string done = string.Create(CultureInfo.InvariantCulture,
            $"polished: revision {revision} passed review (score {review.Value.Score:0.00}), {polishedScript.WordCount} words, {polishedScript.Turns.Count} turns");
        return new PolishScriptOutput(PolishOutcome.Polished, done, revisionName, reviewName, polishedScript.WordCount, polishedScript.Turns.Count, usages, polishedScript.Title);
    }
}
