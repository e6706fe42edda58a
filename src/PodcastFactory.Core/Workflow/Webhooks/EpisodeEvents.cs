using Microsoft.DurableTask;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// The one call the episode and re-voice orchestrators make where an outcome is decided: starts the event's
/// <see cref="WebhookDeliveryOrchestrator"/> and does not wait for it (a receiver may take up to a day). Its instance
/// id and the event id derive from the raising instance and the type, so a replay raises the same event, once.
/// Episodes started without listeners (<see cref="EpisodeSettings.Webhooks"/> null) raise nothing.
/// </summary>
public static class EpisodeEvents
{
    /// <summary>The delivery orchestration's instance id for <paramref name="type"/> raised by <paramref name="instanceId"/>.</summary>
    public static string DeliveryInstanceId(string instanceId, string type) => $"{instanceId}-webhook-{type["episode.".Length..]}";

    /// <summary>Raises <paramref name="type"/> for <paramref name="data"/>'s episode.</summary>
    public static void Raise(TaskOrchestrationContext context, WebhookSettings? settings, string type, EpisodeEventData data)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        if (settings is null)
        {
            return;
        }

        var cloudEvent = new EpisodeCloudEvent(WebhookSignature.MessageId(context.InstanceId, type), "/podcastfactory/episodes", type, data.EpisodeId,
            context.CurrentUtcDateTime, data with
            {
                StatusUrl = $"episodes/{data.EpisodeId}",
                FeedUrl = "feed.xml",
            });
        // Not awaited on purpose: the episode goes on (or ends) while the event is delivered; the FireAndForget tag tells
        // backends that honour it not to report the child's end back to a parent that may be gone.
        _ = context.CallSubOrchestratorAsync<WebhookDeliveryResult>(nameof(WebhookDeliveryOrchestrator), new WebhookDeliveryInput(cloudEvent, settings),
            new SubOrchestrationOptions { InstanceId = DeliveryInstanceId(context.InstanceId, type), Tags = new Dictionary<string, string> { ["FireAndForget"] = "true" } });
    }

    /// <summary>An artifact's path under the API, for event data.</summary>
    public static string ArtifactPath(string episodeId, string relativeName) => $"episodes/{episodeId}/artifacts/{relativeName}";

    /// <summary>Raises an episode's end: <c>episode.published</c> when it published a master, then its outcome's event (<c>episode.failed</c> when <paramref name="outcome"/> is null).</summary>
    public static void RaiseFinished(EpisodeRun run, EpisodeOutcome? outcome, string? title, decimal costUsd, string? error)
    {
        ArgumentNullException.ThrowIfNull(run);
        string status = outcome is { } o ? EpisodeOutcomes.Status(o) : EpisodeOutcomes.Failed;
        var data = new EpisodeEventData(run.Id, status, outcome is null ? null : status, costUsd, title, error,
            ManifestUrl: ArtifactPath(run.Id, "manifest.json"),
            AudioUrl: run.Artifacts.Contains(Artifacts.ArtifactNames.Master(run.Id)) ? ArtifactPath(run.Id, "episode.mp3") : null,
            Show: run.Input.Request.Show);
        if (data.AudioUrl is not null)
        {
            Raise(run.Context, run.Input.Settings.Webhooks, WebhookEventTypes.Published, data);
        }

        if ((outcome is null ? WebhookEventTypes.Failed : WebhookEventTypes.ForOutcome(outcome.Value)) is { } type)
        {
            Raise(run.Context, run.Input.Settings.Webhooks, type, data);
        }
    }

    /// <summary>Raises a re-voice's end: <c>episode.published</c> when it published again, then <c>episode.revoiced</c>.</summary>
    public static void RaiseRevoiced(TaskOrchestrationContext context, WebhookSettings? settings, Revoicing.RevoiceResult result, decimal totalCostUsd)
    {
        ArgumentNullException.ThrowIfNull(result);
        var data = new EpisodeEventData(result.EpisodeId, "revoiced", null, totalCostUsd, Revision: result.Revision,
            ManifestUrl: ArtifactPath(result.EpisodeId, "manifest.json"), AudioUrl: result.Published ? ArtifactPath(result.EpisodeId, "episode.mp3") : null);
        if (result.Published)
        {
            Raise(context, settings, WebhookEventTypes.Published, data);
        }

        Raise(context, settings, WebhookEventTypes.Revoiced, data);
    }
}
