namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>A stored subscription. The signing secret is kept only encrypted (<see cref="WebhookSecrets"/>).</summary>
/// <param name="Id">Id (<c>wh_...</c>; <c>cb-{episode}</c> for an episode's <c>callbackUrl</c>).</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The event types delivered.</param>
/// <param name="Show">Only episodes of this show (its id, <c>show</c> on the start request).</param>
/// <param name="EpisodeId">Only this episode (a per-episode callback).</param>
/// <param name="EncryptedSecret">The signing secret, AES-256-GCM encrypted (nonce, tag and ciphertext, base64).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="FailingSince">When an event's last attempt failed; null while deliveries succeed.</param>
/// <param name="FailingReason">What the last attempt of that event got.</param>
public sealed record WebhookSubscription(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Show,
    string? EpisodeId,
    string EncryptedSecret,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailingSince = null,
    string? FailingReason = null)
{
    /// <summary>
    /// True when an event of <paramref name="type"/> from <paramref name="episodeId"/> (of <paramref name="show"/>) goes
    /// here. No show filter means every show: an unfiltered subscription, and an episode's own callback, must not go
    /// quiet for episodes that belong to a named show.
    /// </summary>
    public bool Wants(string type, string episodeId, string? show) =>
        Events.Contains(type, StringComparer.Ordinal)
        && (EpisodeId is null || EpisodeId == episodeId)
        && (Show is null || string.Equals(Show, show, StringComparison.Ordinal));

    /// <summary>The id of the callback subscription an episode's <c>callbackUrl</c> creates.</summary>
    public static string CallbackId(string episodeId) => "cb-" + episodeId;
}

/// <summary>One event's deliveries to one subscription: every attempt, and what happens next.</summary>
/// <param name="WebhookId">The <c>webhook-id</c> (the same on every attempt).</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Type">The event type.</param>
/// <param name="EpisodeId">The episode.</param>
/// <param name="State">pending, delivered or failed.</param>
/// <param name="Attempts">Attempts so far, in order.</param>
/// <param name="NextTryAt">When the next attempt is due, while pending.</param>
public sealed record WebhookDelivery(
    string WebhookId,
    string SubscriptionId,
    string Type,
    string EpisodeId,
    string State,
    IReadOnlyList<WebhookAttempt> Attempts,
    DateTimeOffset? NextTryAt);

/// <summary>One attempt.</summary>
/// <param name="Number">1, 2, ...</param>
/// <param name="At">When it was sent.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when none came (refused address, timeout, connection error).</param>
/// <param name="Error">Why it did not count as delivered; null when it did.</param>
/// <param name="DurationMs">How long it took.</param>
public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);

/// <summary>Delivery states.</summary>
public static class WebhookDeliveryStates
{
    /// <summary>Not delivered yet; another attempt is due at <see cref="WebhookDelivery.NextTryAt"/>.</summary>
    public const string Pending = "pending";

    /// <summary>A 2xx came back.</summary>
    public const string Delivered = "delivered";

    /// <summary>The last attempt failed (the subscription is marked failing), or the subscription was deleted.</summary>
    public const string Failed = "failed";
}
