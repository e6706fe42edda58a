using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The polish stage after a passed quality gate: one <see cref="PolishScriptActivity"/> (rewrite, then fact-check again).
/// It fails soft in every way: not requested, over budget (beside the speech the audio will need), failed, or a rewrite
/// that does not pass all leave the passed draft as the episode's script, the last three with a warning.
/// </summary>
internal static class PolishStage
{
    /// <summary>The script the episode goes on with: the polished revision when it passed review, else <paramref name="passed"/>.</summary>
    public static async Task<WriteScriptOutput> RunAsync(EpisodeRun run, EpisodePlan plan, ScriptBrief brief, MergeResearchOutput research, WriteScriptOutput passed, int passedRevision)
    {
        if (!plan.RunPolish)
        {
            run.Skip(Stages.Polish, "not requested (polish: false)", warn: false);
            return passed;
        }

        // The polish is a nicety and the audio is what was asked for: the passed draft's speech is reserved first, so a
        // rewrite never spends what the segments will need (their plan, with the real characters, comes after the polish).
        CostEstimates estimates = run.Input.Settings.Estimates;
        decimal speechReserved = plan.RunAudio ? estimates.SpeechOfWords(passed.WordCount) : 0m;
        if (await StageGuards.SkipOverBudgetAsync(run, Stages.Polish, estimates.ScriptCallUsd + estimates.ReviewCallUsd, speechReserved))
        {
            return passed;
        }

        StageClock stage = run.Begin(Stages.Polish);
        PolishScriptOutput? polish = await StageGuards.Optional(run, stage, () => run.Context.CallActivityAsync<PolishScriptOutput>(
            nameof(PolishScriptActivity), new PolishScriptInput(run.Id, brief, research.JsonArtifact, passedRevision), LlmOptions));
        if (polish is null)
        {
            return passed;
        }

        run.Spent(stage.Name, polish.Usages);
        run.Produced(polish.RevisionArtifact, polish.ReviewArtifact);
        switch (polish.Outcome)
        {
            case PolishOutcome.Skipped:
                run.Skip(Stages.Polish, polish.Detail, warn: false);
                return passed;
            case PolishOutcome.KeptDraft:
                run.Complete(stage, polish.Detail);
                run.Warn($"{Stages.Polish}: {polish.Detail}");
                return passed;
            default:
                run.Complete(stage, polish.Detail);
                return passed with { RevisionArtifact = polish.RevisionArtifact!, WordCount = polish.WordCount, TurnCount = polish.TurnCount, Title = polish.Title ?? passed.Title };
        }
    }
}
