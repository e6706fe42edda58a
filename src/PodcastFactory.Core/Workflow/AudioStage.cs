using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The audio stage's durable calls: plan the segments, check the budget against the real character count, then the
/// speech sub-orchestration.
/// </summary>
internal static class AudioStage
{
    /// <summary>
    /// Plans the segments (the speech estimate comes from their real character count). Started before the social post
    /// so both stages can be weighed against the budget; a failure is kept for the audio stage to report, not thrown.
    /// </summary>
    public static async Task<SpeechPlan> PlanAsync(EpisodeRun run, Voicing voicing)
    {
        EpisodeSettings settings = run.Input.Settings;
        try
        {
            PlanSegmentsOutput segments = await run.Context.CallActivityAsync<PlanSegmentsOutput>(
                nameof(PlanSegmentsActivity), new PlanSegmentsInput(run.Id, voicing.ScriptArtifact, run.Input.Request.Hosts, settings.SegmentMaxCharacters, run.Input.Request.Language, run.Input.Request.Lexicon), StorageOptions);
            run.Produced(segments.PlanArtifact);
            foreach (string warning in segments.Warnings ?? [])
            {
                run.Warn($"audio: {warning}");
            }

            // Only speech not stored yet is paid for (content-addressed): all of it in a first production, the changed
            // segments in a re-voice. Plans from before the count existed say -1: then all of it.
            long unpaid = segments.UnvoicedCharacters >= 0 ? segments.UnvoicedCharacters : segments.TotalCharacters;
            return new SpeechPlan(segments, settings.Estimates.Speech(unpaid), null);
        }
        catch (TaskFailedException ex)
        {
            return new SpeechPlan(null, 0m, ex);
        }
    }

    /// <summary>
    /// Checks the budget for the speech alone (the social post only runs when it fits beside the speech, so the audio
    /// is never the one dropped for a post), then runs the speech sub-orchestration (its own instance, so its many
    /// segment events stay out of the episode's history). Over budget, <paramref name="required"/> audio stops the run
    /// (<see cref="EpisodeStageFailedException"/>); optional audio fails soft and returns null.
    /// </summary>
    public static async Task<AudioOutput?> VoiceAsync(EpisodeRun run, StageClock stage, SpeechPlan speech, bool required)
    {
        if (speech.Failure is not null)
        {
            throw speech.Failure;
        }

        PlanSegmentsOutput segments = speech.Segments!;
        if (required)
        {
            await StageGuards.EnsureBudgetAsync(run, stage, speech.EstimateUsd);
        }
        else if (await StageGuards.FailOverBudgetAsync(run, stage, speech.EstimateUsd))
        {
            return null;
        }

        return await run.Context.CallSubOrchestratorAsync<AudioOutput>(
            nameof(AudioOrchestrator),
            new AudioInput(run.Id, segments.PlanArtifact, segments.SegmentCount, segments.Extension, run.Input.Request.Language, run.Input.Settings.MaxParallelSegments, run.Input.Settings.ThrottleDeadlineMinutes),
            // The run's own instance id: a re-voice ({id}-revoice-{n}) gets its own speech instance beside the episode's.
            new SubOrchestrationOptions { InstanceId = run.Context.InstanceId + "-audio" });
    }
}

/// <summary>The segment plan of the audio stage and what its speech is estimated to cost, or why planning failed.</summary>
internal sealed record SpeechPlan(PlanSegmentsOutput? Segments, decimal EstimateUsd, TaskFailedException? Failure)
{
    /// <summary>No audio requested: nothing planned, nothing reserved.</summary>
    public static readonly SpeechPlan None = new(null, 0m, null);
}
