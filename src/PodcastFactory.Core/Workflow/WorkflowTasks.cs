using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Workflow;

/// <summary>Every orchestrator and activity of the workflow, registered once for every host.</summary>
public static class WorkflowTasks
{
    /// <summary>Activity types, in pipeline order; the Functions host wraps each with a <c>[Function]</c> of the same name.</summary>
    public static readonly IReadOnlyList<Type> Activities =
    [
        typeof(ReadShowBibleActivity),
        typeof(ResearchAngleActivity),
        typeof(MergeResearchActivity),
        typeof(WriteScriptActivity),
        typeof(ReviewScriptActivity),
        typeof(PolishScriptActivity),
        typeof(WriteSocialPostActivity),
        typeof(PlanSegmentsActivity),
        typeof(SynthesizeSegmentActivity),
        typeof(StitchAudioActivity),
        typeof(FinalEvaluationActivity),
        typeof(PublishEpisodeActivity),
        typeof(RecordInBibleActivity),
        typeof(WriteManifestActivity),
        typeof(EpisodeCostActivity),
        typeof(RecordRevisionActivity),
        typeof(PrepareWebhookEventActivity),
        typeof(DeliverWebhookActivity),
    ];

    /// <summary>Orchestrator types.</summary>
    public static readonly IReadOnlyList<Type> Orchestrators = [typeof(EpisodeOrchestrator), typeof(AudioOrchestrator), typeof(RevoiceOrchestrator), typeof(WebhookDeliveryOrchestrator)];

    /// <summary>Registers all tasks with a portable Durable Task worker.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        foreach (Type orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (Type activity in Activities)
        {
            registry.AddActivity(activity);
        }
    }
}
