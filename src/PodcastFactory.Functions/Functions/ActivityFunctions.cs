using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Functions.Functions;

/// <summary>
/// One activity trigger per Core activity (<see cref="Core.Workflow.WorkflowTasks.Activities"/>), named after it. The
/// ones that call a paid provider also take the durable client, through which the process shares its provider limits
/// with the other instances (<see cref="ActivityRunner.RunSharingLimitsAsync"/>).
/// </summary>
public static class ActivityFunctions
{
    /// <summary>Runs <see cref="ResearchAngleActivity"/>.</summary>
    [Function(nameof(ResearchAngleActivity))]
    public static Task<ResearchAngleOutput> ResearchAngle([ActivityTrigger] ResearchAngleInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunSharingLimitsAsync<ResearchAngleActivity, ResearchAngleInput, ResearchAngleOutput>(context, input, client);

    /// <summary>Runs <see cref="MergeResearchActivity"/>.</summary>
    [Function(nameof(MergeResearchActivity))]
    public static Task<MergeResearchOutput> MergeResearch([ActivityTrigger] MergeResearchInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<MergeResearchActivity, MergeResearchInput, MergeResearchOutput>(context, input);

    /// <summary>Runs <see cref="WriteScriptActivity"/>.</summary>
    [Function(nameof(WriteScriptActivity))]
    public static Task<WriteScriptOutput> WriteScript([ActivityTrigger] WriteScriptInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunSharingLimitsAsync<WriteScriptActivity, WriteScriptInput, WriteScriptOutput>(context, input, client);

    /// <summary>Runs <see cref="ReviewScriptActivity"/>.</summary>
    [Function(nameof(ReviewScriptActivity))]
    public static Task<ReviewScriptOutput> ReviewScript([ActivityTrigger] ReviewScriptInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunSharingLimitsAsync<ReviewScriptActivity, ReviewScriptInput, ReviewScriptOutput>(context, input, client);

    /// <summary>Runs <see cref="PolishScriptActivity"/>.</summary>
    [Function(nameof(PolishScriptActivity))]
    public static Task<PolishScriptOutput> PolishScript([ActivityTrigger] PolishScriptInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunSharingLimitsAsync<PolishScriptActivity, PolishScriptInput, PolishScriptOutput>(context, input, client);

    /// <summary>Runs <see cref="WriteSocialPostActivity"/>.</summary>
    [Function(nameof(WriteSocialPostActivity))]
    public static Task<WriteSocialPostOutput> WriteSocialPost([ActivityTrigger] WriteSocialPostInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunSharingLimitsAsync<WriteSocialPostActivity, WriteSocialPostInput, WriteSocialPostOutput>(context, input, client);

    /// <summary>Runs <see cref="PlanSegmentsActivity"/>.</summary>
    [Function(nameof(PlanSegmentsActivity))]
    public static Task<PlanSegmentsOutput> PlanSegments([ActivityTrigger] PlanSegmentsInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<PlanSegmentsActivity, PlanSegmentsInput, PlanSegmentsOutput>(context, input);

    /// <summary>Runs <see cref="SynthesizeSegmentActivity"/>.</summary>
    [Function(nameof(SynthesizeSegmentActivity))]
    public static Task<SynthesizeSegmentOutput> SynthesizeSegment([ActivityTrigger] SynthesizeSegmentInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunSharingLimitsAsync<SynthesizeSegmentActivity, SynthesizeSegmentInput, SynthesizeSegmentOutput>(context, input, client);

    /// <summary>Runs <see cref="StitchAudioActivity"/>.</summary>
    [Function(nameof(StitchAudioActivity))]
    public static Task<StitchAudioOutput> StitchAudio([ActivityTrigger] StitchAudioInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<StitchAudioActivity, StitchAudioInput, StitchAudioOutput>(context, input);

    /// <summary>Runs <see cref="FinalEvaluationActivity"/>.</summary>
    [Function(nameof(FinalEvaluationActivity))]
    public static Task<FinalEvaluationOutput> FinalEvaluation([ActivityTrigger] FinalEvaluationInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<FinalEvaluationActivity, FinalEvaluationInput, FinalEvaluationOutput>(context, input);

    /// <summary>Runs <see cref="PublishEpisodeActivity"/>.</summary>
    [Function(nameof(PublishEpisodeActivity))]
    public static Task<PublishEpisodeOutput> PublishEpisode([ActivityTrigger] PublishRequest input, FunctionContext context) =>
        ActivityRunner.RunAsync<PublishEpisodeActivity, PublishRequest, PublishEpisodeOutput>(context, input);

    /// <summary>Runs <see cref="ReadShowBibleActivity"/>.</summary>
    [Function(nameof(ReadShowBibleActivity))]
    public static Task<ReadShowBibleOutput> ReadShowBible([ActivityTrigger] ReadShowBibleInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<ReadShowBibleActivity, ReadShowBibleInput, ReadShowBibleOutput>(context, input);

    /// <summary>Runs <see cref="RecordInBibleActivity"/>.</summary>
    [Function(nameof(RecordInBibleActivity))]
    public static Task<RecordInBibleOutput> RecordInBible([ActivityTrigger] RecordInBibleInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<RecordInBibleActivity, RecordInBibleInput, RecordInBibleOutput>(context, input);

    /// <summary>Runs <see cref="WriteManifestActivity"/>.</summary>
    [Function(nameof(WriteManifestActivity))]
    public static Task<WriteManifestOutput> WriteManifest([ActivityTrigger] WriteManifestInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<WriteManifestActivity, WriteManifestInput, WriteManifestOutput>(context, input);

    /// <summary>Runs <see cref="EpisodeCostActivity"/>.</summary>
    [Function(nameof(EpisodeCostActivity))]
    public static Task<EpisodeCostOutput> EpisodeCost([ActivityTrigger] string input, FunctionContext context) =>
        ActivityRunner.RunAsync<EpisodeCostActivity, string, EpisodeCostOutput>(context, input);

    /// <summary>Runs <see cref="RecordRevisionActivity"/>.</summary>
    [Function(nameof(RecordRevisionActivity))]
    public static Task<RecordRevisionOutput> RecordRevision([ActivityTrigger] RecordRevisionInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<RecordRevisionActivity, RecordRevisionInput, RecordRevisionOutput>(context, input);

    /// <summary>Runs <see cref="PrepareWebhookEventActivity"/>.</summary>
    [Function(nameof(PrepareWebhookEventActivity))]
    public static Task<PreparedWebhookEvent> PrepareWebhookEvent([ActivityTrigger] EpisodeCloudEvent input, FunctionContext context) =>
        ActivityRunner.RunAsync<PrepareWebhookEventActivity, EpisodeCloudEvent, PreparedWebhookEvent>(context, input);

    /// <summary>Runs <see cref="DeliverWebhookActivity"/>.</summary>
    [Function(nameof(DeliverWebhookActivity))]
    public static Task<DeliverWebhookOutput> DeliverWebhook([ActivityTrigger] DeliverWebhookInput input, FunctionContext context) =>
        ActivityRunner.RunAsync<DeliverWebhookActivity, DeliverWebhookInput, DeliverWebhookOutput>(context, input);
}
