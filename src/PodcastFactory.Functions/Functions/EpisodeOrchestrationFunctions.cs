using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Functions.Functions;

/// <summary>Orchestration triggers: thin wrappers over the Core orchestrators, under the names Core calls them by.</summary>
public static class EpisodeOrchestrationFunctions
{
    /// <summary>One episode.</summary>
    [Function(nameof(EpisodeOrchestrator))]
    public static Task<EpisodeResult> RunEpisode([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EpisodeOrchestrator().RunAsync(context, context.GetInput<EpisodeInput>()
            ?? throw new InvalidOperationException($"{nameof(EpisodeOrchestrator)} was started without an {nameof(EpisodeInput)}."));

    /// <summary>The speech fan-out sub-orchestration.</summary>
    [Function(nameof(AudioOrchestrator))]
    public static Task<AudioOutput> RunAudio([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AudioOrchestrator().RunAsync(context, context.GetInput<AudioInput>()
            ?? throw new InvalidOperationException($"{nameof(AudioOrchestrator)} was started without an {nameof(AudioInput)}."));

    /// <summary>The re-voice of an edited script.</summary>
    [Function(nameof(RevoiceOrchestrator))]
    public static Task<RevoiceResult> RunRevoice([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RevoiceOrchestrator().RunAsync(context, context.GetInput<RevoiceInput>()
            ?? throw new InvalidOperationException($"{nameof(RevoiceOrchestrator)} was started without a {nameof(RevoiceInput)}."));

    /// <summary>The durable delivery of one webhook event.</summary>
    [Function(nameof(WebhookDeliveryOrchestrator))]
    public static Task<WebhookDeliveryResult> RunWebhookDelivery([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WebhookDeliveryOrchestrator().RunAsync(context, context.GetInput<WebhookDeliveryInput>()
            ?? throw new InvalidOperationException($"{nameof(WebhookDeliveryOrchestrator)} was started without a {nameof(WebhookDeliveryInput)}."));
}
