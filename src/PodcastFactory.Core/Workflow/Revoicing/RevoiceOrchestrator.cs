using System.Globalization;
using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Webhooks;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow.Revoicing;

/// <summary>
/// Re-voices an edited script: plan the segments of edit revision n, voice them through the same speech fan-out as a
/// first production (speech is content-addressed, so only segments whose text or voice changed are paid for), evaluate
/// the audio again (<c>quality.json</c>), publish again (master, transcript, chapters, show notes, the feed item
/// replaced), then record the revision and its cost in the manifest. Its instance id is <c>{id}-revoice-{n}</c>, started once per revision.
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
        string id = input.EpisodeId;
        string script = ArtifactNames.ScriptEdit(id, input.Revision);
        PlanSegmentsOutput plan = await context.CallActivityAsync<PlanSegmentsOutput>(
            nameof(PlanSegmentsActivity), new PlanSegmentsInput(id, script, input.Hosts, input.Settings.SegmentMaxCharacters, input.Language), StorageOptions);
        await EnsureBudgetAsync(context, input, plan);
        AudioOutput audio = await context.CallSubOrchestratorAsync<AudioOutput>(
            nameof(AudioOrchestrator),
            new AudioInput(id, plan.PlanArtifact, plan.SegmentCount, plan.Extension, input.Language, input.Settings.MaxParallelSegments, input.Settings.ThrottleDeadlineMinutes),
            new SubOrchestrationOptions { InstanceId = context.InstanceId + "-audio" });

        // quality.json is derived from the audio (its duration against the words): evaluated again, findings are warnings.
        FinalEvaluationOutput quality = await context.CallActivityAsync<FinalEvaluationOutput>(nameof(FinalEvaluationActivity),
            new FinalEvaluationInput(id, script, plan.WordCount, true, audio.Artifact, input.SocialArtifact is not null, input.SocialArtifact), StorageOptions);
        var warnings = quality.Findings.Select(f => "quality: " + f).ToList();
        // Only approved work enters the feed: held, the re-voiced audio is kept for listening and the feed item is not touched.
        bool published = input.PublishHeld is null && await PublishAsync(context, input, plan, audio, warnings);
        if (input.PublishHeld is { } held)
        {
            warnings.Add("publish: held: " + held);
        }

        // Synthesized in this run: units in its journal (a segment finished before a crash and reused on resume counts too).
        List<AgentUsage> paid = audio.Usages.Where(u => u.InputUnits > 0 || u.ChargeUsd > 0).ToList();
        var result = new RevoiceResult(id, input.Revision, audio.SegmentCount, paid.Count, audio.SegmentCount - paid.Count,
            paid.Sum(u => u.InputUnits), paid.Sum(u => u.ChargeUsd), audio.DurationSeconds, published, warnings);
        RecordRevisionOutput recorded = await context.CallActivityAsync<RecordRevisionOutput>(
            nameof(RecordRevisionActivity),
            new RecordRevisionInput(result, Stage(input.Revision), context.CurrentUtcDateTime, audio.Usages),
            StorageOptions);
        EpisodeEvents.RaiseRevoiced(context, input.Settings.Webhooks, result, recorded.TotalCostUsd);
        return result;
    }

    static async Task<bool> PublishAsync(TaskOrchestrationContext context, RevoiceInput input, PlanSegmentsOutput plan, AudioOutput audio, List<string> warnings)
    {
        string id = input.EpisodeId;
        try
        {
            PublishEpisodeOutput output = await context.CallActivityAsync<PublishEpisodeOutput>(nameof(PublishEpisodeActivity), new PublishRequest(
                id, ArtifactNames.ScriptEdit(id, input.Revision), plan.PlanArtifact, audio.SegmentArtifacts, ArtifactNames.ResearchJson(id), input.Hosts,
                input.SourceNames, input.Models, input.Language, context.CurrentUtcDateTime), StorageOptions);
            if (output.Warning is not null)
            {
                warnings.Add("publish: " + output.Warning);
            }

            return !output.Skipped;
        }
        catch (TaskFailedException failure)
        {
            // As in a first production, publishing fails soft: the re-voiced episode audio exists, the warning says why.
            warnings.Add("publish: " + FailureReasons.Of(failure.FailureDetails));
            return false;
        }
    }

    // The episode's budget covers the first production and every re-voice: checked against the cost journal (every
    // run so far) plus the speech this revision still has to pay for, before any of it is paid.
    static async Task EnsureBudgetAsync(TaskOrchestrationContext context, RevoiceInput input, PlanSegmentsOutput plan)
    {
        if (input.BudgetUsd is not { } budget)
        {
            return;
        }

        decimal estimate = input.Settings.Estimates.Speech(Math.Max(0, plan.UnvoicedCharacters));
        EpisodeCostOutput spent = await EpisodeCostActivity.ReadAsync(context, input.EpisodeId);
        if (spent.TotalUsd + estimate > budget)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"re-voice of revision {input.Revision} stopped before any speech was paid: the budget of ${budget:0.####} would be exceeded (spent ${spent.TotalUsd:0.####}, {plan.UnvoicedCharacters} new characters estimated at ${estimate:0.####})"));
        }
    }
}
