using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Api;

/// <summary>Body of <c>POST /api/webhooks</c>.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>Where events are POSTed: an absolute http(s) URL on a public address (see the address policy).</summary>
    public string? Url { get; init; }

    /// <summary>Event types to deliver (<see cref="WebhookEventTypes.All"/>); omitted: all of them.</summary>
    public IReadOnlyList<string?>? Events { get; init; }

    /// <summary>Only episodes of this show. Shows do not exist yet: every episode is in the default show, so a subscription with a show receives nothing until they do.</summary>
    public string? Show { get; init; }
}

/// <summary>A subscription as the API shows it: never the secret, except once in the answer to its creation.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Url">Where events go.</param>
/// <param name="Events">Event types delivered.</param>
/// <param name="Show">The show filter, if any.</param>
/// <param name="EpisodeId">For a per-episode callback: the episode.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Failing">True after an event's last attempt failed, until a delivery succeeds again.</param>
/// <param name="FailingSince">When it started failing.</param>
/// <param name="FailingReason">What the last attempt got.</param>
/// <param name="DeliveriesUrl">Its delivery log.</param>
/// <param name="Secret">The signing secret (<c>whsec_...</c>): only in the 201 answer; store it, it is never shown again.</param>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Show,
    string? EpisodeId,
    DateTimeOffset CreatedAt,
    bool Failing,
    DateTimeOffset? FailingSince,
    string? FailingReason,
    string DeliveriesUrl,
    string? Secret = null)
{
    /// <summary>The API view of <paramref name="s"/>.</summary>
    public static WebhookResponse Of(WebhookSubscription s, string baseUrl, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Url, s.Events, s.Show, s.EpisodeId, s.CreatedAt, s.FailingSince is not null, s.FailingSince, s.FailingReason,
            $"{baseUrl}/{ApiRoutes.Prefix}/webhooks/{s.Id}/deliveries", secret);
    }
}

/// <summary>Body of <c>GET /api/webhooks</c>.</summary>
/// <param name="Items">Every subscription (per-episode callbacks are listed under their episode's id, <c>cb-{id}</c>, only by id).</param>
public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Items);

/// <summary>Body of <c>GET /api/webhooks/{id}/deliveries</c>: newest first, at most 100.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Items">One entry per event: its attempts (time, status code, error), state and next try.</param>
public sealed record WebhookDeliveriesResponse(string SubscriptionId, IReadOnlyList<WebhookDelivery> Items);
