using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The audio stage's durable calls: plan the segments, check the budget against the real character count, then the
/// speech sub-orchestration (its own instance, so its many segment events stay out of the episode's history).
/// </summary>
internal static class AudioStage
{
    public static async Task<AudioOutput?> PlanAndVoiceAsync(EpisodeRun run, StageClock stage, WriteScriptOutput script, decimal socialEstimate)
    {
        EpisodeSettings settings = run.Input.Settings;
        PlanSegmentsOutput segments = await run.Context.CallActivityAsync<PlanSegmentsOutput>(
            nameof(PlanSegmentsActivity), new PlanSegmentsInput(run.Id, script.Artifact, run.Input.Request.Hosts, settings.SegmentMaxCharacters, run.Input.Request.Language), StorageOptions);
        run.Produced(segments.PlanArtifact);
        if (await StageGuards.FailOverBudgetAsync(run, stage, socialEstimate + settings.Estimates.Speech(segments.TotalCharacters)))
        {
            return null;
        }

        return await run.Context.CallSubOrchestratorAsync<AudioOutput>(
            nameof(AudioOrchestrator),
            new AudioInput(run.Id, segments.PlanArtifact, segments.SegmentCount, segments.Extension, run.Input.Request.Language, settings.MaxParallelSegments),
            new SubOrchestrationOptions { InstanceId = run.Id + "-audio" });
    }
}
