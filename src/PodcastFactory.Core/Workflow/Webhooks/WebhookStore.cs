using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// Subscriptions, event bodies and delivery logs in the artifact store, under <c>_webhooks/</c> (a folder no episode id
/// can name, so nothing here is served as an episode artifact): <c>subscriptions/{id}.json</c>,
/// <c>events/{webhook-id}.json</c> (the exact bytes every attempt sends) and <c>deliveries/{subscription}/{webhook-id}.json</c>.
/// </summary>
public sealed class WebhookStore(IArtifactStore store)
{
    const string Root = "_webhooks/";

    /// <summary>The stored subscription, or null.</summary>
    public Task<WebhookSubscription?> FindAsync(string id, CancellationToken cancellationToken) =>
        store.ReadJsonIfExistsAsync<WebhookSubscription>(SubscriptionName(id), cancellationToken);

    /// <summary>Writes (or replaces) a subscription.</summary>
    public Task SaveAsync(WebhookSubscription subscription, CancellationToken cancellationToken) =>
        store.WriteJsonAsync(SubscriptionName(subscription.Id), subscription, inputHash: null, cancellationToken);

    /// <summary>Deletes a subscription; its delivery log stays readable.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) => store.DeleteAsync(SubscriptionName(id), cancellationToken);

    /// <summary>Every subscription, by id (per-episode callbacks included when <paramref name="withCallbacks"/>).</summary>
    public async Task<List<WebhookSubscription>> ListAsync(bool withCallbacks, CancellationToken cancellationToken)
    {
        var all = new List<WebhookSubscription>();
        await foreach (ArtifactInfo info in store.ListAsync(Root + "subscriptions/", cancellationToken))
        {
            if (info.Name.EndsWith(".json", StringComparison.Ordinal)
                && await store.ReadJsonIfExistsAsync<WebhookSubscription>(info.Name, cancellationToken) is { } subscription
                && (withCallbacks || subscription.EpisodeId is null))
            {
                all.Add(subscription);
            }
        }

        return all;
    }

    /// <summary>True when any subscription (not a per-episode callback) exists: the first listed name decides, nothing is read.</summary>
    public async Task<bool> AnySubscriptionAsync(CancellationToken cancellationToken)
    {
        await foreach (ArtifactInfo info in store.ListAsync(Root + "subscriptions/wh_", cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>Stores an event body once: the first write wins, so every attempt (and a re-run after a crash) sends the same bytes.</summary>
    public async Task<string> SaveEventOnceAsync(string webhookId, byte[] body, CancellationToken cancellationToken)
    {
        string name = EventName(webhookId);
        using var content = new MemoryStream(body);
        await store.TryCreateAsync(name, content, ContentTypes.Json, cancellationToken);
        return name;
    }

    /// <summary>The bytes of a stored event body.</summary>
    public async Task<byte[]> ReadEventAsync(string name, CancellationToken cancellationToken)
    {
        await using Stream stream = await store.OpenReadAsync(name, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The delivery log of one event to one subscription, or null.</summary>
    public Task<WebhookDelivery?> FindDeliveryAsync(string subscriptionId, string webhookId, CancellationToken cancellationToken) =>
        store.ReadJsonIfExistsAsync<WebhookDelivery>(DeliveryName(subscriptionId, webhookId), cancellationToken);

    /// <summary>Writes a delivery log (one writer per event and subscription: its delivery orchestration).</summary>
    public Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        store.WriteJsonAsync(DeliveryName(delivery.SubscriptionId, delivery.WebhookId), delivery, inputHash: null, cancellationToken);

    /// <summary>The delivery logs of a subscription, newest attempt first, at most <paramref name="limit"/>.</summary>
    public async Task<List<WebhookDelivery>> DeliveriesAsync(string subscriptionId, int limit, CancellationToken cancellationToken)
    {
        var all = new List<WebhookDelivery>();
        await foreach (ArtifactInfo info in store.ListAsync($"{Root}deliveries/{subscriptionId}/", cancellationToken))
        {
            if (await store.ReadJsonIfExistsAsync<WebhookDelivery>(info.Name, cancellationToken) is { } delivery)
            {
                all.Add(delivery);
            }
        }

        return all.OrderByDescending(d => d.Attempts.Count > 0 ? d.Attempts[^1].At : DateTimeOffset.MinValue).Take(limit).ToList();
    }

    static string SubscriptionName(string id) => $"{Root}subscriptions/{id}.json";

    static string EventName(string webhookId) => $"{Root}events/{webhookId}.json";

    static string DeliveryName(string subscriptionId, string webhookId) => $"{Root}deliveries/{subscriptionId}/{webhookId}.json";
}
