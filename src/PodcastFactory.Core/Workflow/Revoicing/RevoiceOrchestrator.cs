using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Webhooks;
using static PodcastFactory.Core.Workflow.RetryPolicies;

// Logging here goes through EpisodeRun.Log, which is the context's CreateReplaySafeLogger(); the analyzer cannot follow
// a logger through a property, so its rule is silenced for this file only.
#pragma warning disable DURABLE0010

namespace PodcastFactory.Core.Workflow.Revoicing;

/// <summary>
/// Re-voices an edited script by running the pipeline's tail (<see cref="EpisodeTail"/>) on edit revision n: plan its
/// segments, voice them through the same speech fan-out as a first production (speech is content-addressed, so only
/// segments whose text or voice changed are paid for), evaluate the audio again, publish again (the feed item replaced),
/// then record the revision and its cost in the manifest. Progress, stage logs, the budget stop and soft failures are the
/// episode's. Its instance id is <c>{id}-revoice-{n}</c>, started once per revision.
/// </summary>
public sealed class RevoiceOrchestrator : TaskOrchestrator<RevoiceInput, RevoiceResult>
{
    /// <summary>The instance id of the re-voice of <paramref name="revision"/>.</summary>
    public static string InstanceId(string episodeId, int revision) => $"{episodeId}-revoice-{revision}";

    /// <summary>The ledger stage of the re-voice of <paramref name="revision"/>.</summary>
    public static string Stage(int revision) => $"revoice-r{revision}";

    /// <inheritdoc />
    public override async Task<RevoiceResult> RunAsync(TaskOrchestrationContext context, RevoiceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = new EpisodeRun(context, input.AsEpisodeInput());
        Logs.RevoiceStarted(run.Log, run.Id, input.Revision, input.Hosts.Count);
        // The episode's budget covers the first production and every re-voice: the audio stage checks it against the cost
        // journal (every run so far) plus the speech this revision still has to pay for, before any of it is paid.
        var voicing = new Voicing(ArtifactNames.ScriptEdit(run.Id, input.Revision), WordCount: null, ArtifactNames.ResearchJson(run.Id), input.SourceNames,
            AudioNeed.Required, SocialPromised: input.SocialArtifact is not null, EarlierCredits: input.Models, PublishHeld: input.PublishHeld);
        try
        {
            Task<SpeechPlan> speech = AudioStage.PlanAsync(run, voicing);
            return await EpisodeTail.VoiceAndPublishAsync(run, voicing, speech, Task.FromResult(input.SocialArtifact), voiced => RecordAsync(run, input, voiced));
        }
        catch (EpisodeStageFailedException failure)
        {
            run.LogFailed(failure);
            throw;
        }
    }

    static async Task<RevoiceResult> RecordAsync(EpisodeRun run, RevoiceInput input, Voiced voiced)
    {
        // Required audio: the tail throws instead of returning without it.
        AudioOutput audio = voiced.Audio!;
        // Synthesized in this run: units in its journal (a segment finished before a crash and reused on resume counts too).
        List<AgentUsage> paid = audio.Usages.Where(u => u.InputUnits > 0 || u.ChargeUsd > 0).ToList();
        var result = new RevoiceResult(run.Id, input.Revision, audio.SegmentCount, paid.Count, audio.SegmentCount - paid.Count,
            paid.Sum(u => u.InputUnits), paid.Sum(u => u.ChargeUsd), audio.DurationSeconds, voiced.Publish == PublishOutcome.Published, [.. run.Warnings]);
        run.Publish(Stages.Manifest, Stages.StartPercent(Stages.Manifest));
        RecordRevisionOutput recorded = await run.Context.CallActivityAsync<RecordRevisionOutput>(
            nameof(RecordRevisionActivity),
            new RecordRevisionInput(result, Stage(input.Revision), run.Context.CurrentUtcDateTime, audio.Usages),
            StorageOptions);
        run.Produced(recorded.Artifact);
        EpisodeEvents.RaiseRevoiced(run.Context, input.Settings.Webhooks, result, recorded.TotalCostUsd);
        run.Publish(Stages.Done, Stages.StartPercent(Stages.Done));
        Logs.RevoiceFinished(run.Log, run.Id, input.Revision, result.SegmentsSynthesized, result.Segments, result.SegmentsReused, result.CostUsd, result.Published, result.Warnings.Count);
        return result;
    }
}
