using System.Text.Json;
using Microsoft.DurableTask;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>Output of <see cref="PrepareWebhookEventActivity"/>.</summary>
/// <param name="BodyArtifact">The stored body every attempt sends.</param>
/// <param name="SubscriptionIds">The subscriptions that want the event, as they were when it was prepared.</param>
public sealed record PreparedWebhookEvent(string BodyArtifact, IReadOnlyList<string> SubscriptionIds);

/// <summary>
/// Freezes an event: writes its CloudEvents body once (paths made URLs on <see cref="FeedAddress"/>'s base) and
/// picks the subscriptions that want it. Its result is in the delivery orchestration's history, so a replay delivers
/// to the same subscriptions the same bytes.
/// </summary>
public sealed class PrepareWebhookEventActivity(WebhookStore store, FeedAddress address) : TaskActivity<EpisodeCloudEvent, PreparedWebhookEvent>
{
    /// <inheritdoc />
    public override async Task<PreparedWebhookEvent> RunAsync(TaskActivityContext context, EpisodeCloudEvent input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EpisodeCloudEvent absolute = Absolute(input, address.ForPublishing());
        string body = await store.SaveEventOnceAsync(input.Id, JsonSerializer.SerializeToUtf8Bytes(absolute, PodcastJson.Compact), CancellationToken.None);
        List<WebhookSubscription> subscriptions = await store.ListAsync(withCallbacks: true, CancellationToken.None);
        return new PreparedWebhookEvent(body, subscriptions.Where(s => s.Wants(input.Type, input.Subject, input.Data.Show)).Select(s => s.Id).Order(StringComparer.Ordinal).ToList());
    }

    // The orchestrator knows only paths under the API (e.g. episodes/{id}); a receiver needs URLs it can fetch, on the
    // public base (Feed:PublicBaseUrl), else the address podcast serve listens on.
    static EpisodeCloudEvent Absolute(EpisodeCloudEvent e, Uri apiBase)
    {
        string root = apiBase.AbsoluteUri.TrimEnd('/');
        string? Url(string? path) => path is null ? null : root + "/" + path;
        EpisodeEventData d = e.Data;
        return e with
        {
            Source = root + "/episodes",
            Data = d with { StatusUrl = Url(d.StatusUrl), ManifestUrl = Url(d.ManifestUrl), AudioUrl = Url(d.AudioUrl), FeedUrl = Url(d.FeedUrl) },
        };
    }
}
