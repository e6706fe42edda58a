using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// Retry settings frozen into an episode at start when it has listeners (a subscription or its own callback), so its
/// deliveries replay on the same timers whatever the configuration says later.
/// </summary>
/// <param name="FirstRetrySeconds">Wait before the first retry.</param>
/// <param name="MaxRetryDelayMinutes">Longest wait between two attempts.</param>
/// <param name="RetryWindowHours">How long after the first attempt an event is still retried.</param>
public sealed record WebhookSettings(int FirstRetrySeconds, int MaxRetryDelayMinutes, double RetryWindowHours)
{
    /// <summary>The settings of <paramref name="options"/>.</summary>
    public static WebhookSettings From(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.FirstRetrySeconds, options.MaxRetryDelayMinutes, options.RetryWindowHours);
    }
}

/// <summary>Input of <see cref="WebhookDeliveryOrchestrator"/>.</summary>
/// <param name="Event">The event, as the workflow decided it.</param>
/// <param name="Settings">Retry settings.</param>
public sealed record WebhookDeliveryInput(EpisodeCloudEvent Event, WebhookSettings Settings);

/// <summary>Output of <see cref="WebhookDeliveryOrchestrator"/>.</summary>
/// <param name="WebhookId">The event's id.</param>
/// <param name="Delivered">Subscriptions that got it.</param>
/// <param name="Failed">Subscriptions whose last attempt failed (or that were deleted meanwhile).</param>
public sealed record WebhookDeliveryResult(string WebhookId, IReadOnlyList<string> Delivered, IReadOnlyList<string> Failed);
