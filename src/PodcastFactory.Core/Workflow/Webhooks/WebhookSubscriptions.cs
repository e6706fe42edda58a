using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>A new subscription and its secret, which is shown this once and stored only encrypted.</summary>
/// <param name="Subscription">The stored subscription.</param>
/// <param name="Secret">The signing secret, <c>whsec_&lt;base64&gt;</c>.</param>
public sealed record CreatedSubscription(WebhookSubscription Subscription, string Secret);

/// <summary>
/// Creates subscriptions (validated: URL policy, known event types, the count bound) and the per-episode callback
/// subscription a start's <c>callbackUrl</c> makes. Shared by the API, the starter and the CLI.
/// </summary>
public sealed class WebhookSubscriptions(WebhookStore store, WebhookSecrets secrets, IOptions<WebhookOptions> options, IOptions<WorkflowOptions> workflow, TimeProvider time)
{
    /// <summary>Longest show name accepted.</summary>
    public const int MaxShowLength = 100;

    /// <summary>Problems with a subscription's fields (field names as in the JSON body), none when it is valid.</summary>
    public async Task<IReadOnlyList<ValidationError>> ValidateAsync(string? url, IReadOnlyList<string?>? events, string? show, string urlField, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (await WebhookUrlPolicy.RefusalAsync(url, workflow.Value.AllowPrivateNetworkSources, cancellationToken) is { } refusal)
        {
            errors.Add(new(urlField, refusal));
        }

        if (events is not null)
        {
            if (events.Count is 0 or > 20)
            {
                errors.Add(new("events", "List 1 to 20 event types, or leave events out for all of them."));
            }

            for (int i = 0; i < events.Count; i++)
            {
                if (events[i] is not { } type || !WebhookEventTypes.All.Contains(type, StringComparer.Ordinal))
                {
                    errors.Add(new($"events[{i}]", $"Unknown event type; expected one of {string.Join(", ", WebhookEventTypes.All)}."));
                }
            }
        }

        if (show is not null && (show.Length is 0 or > MaxShowLength || show.Any(char.IsControl)))
        {
            errors.Add(new("show", $"A show is 1-{MaxShowLength} characters without control characters."));
        }

        return errors;
    }

    /// <summary>Stores a validated subscription; null when <c>Webhooks:MaxSubscriptions</c> is reached.</summary>
    public async Task<CreatedSubscription?> CreateAsync(string url, IReadOnlyList<string>? events, string? show, CancellationToken cancellationToken)
    {
        if ((await store.ListAsync(withCallbacks: false, cancellationToken)).Count >= options.Value.MaxSubscriptions)
        {
            return null;
        }

        string id = "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return await SaveNewAsync(id, url, events ?? WebhookEventTypes.All, show, episodeId: null, cancellationToken);
    }

    /// <summary>The callback subscription of one episode (every event type, that episode only), replacing an earlier one.</summary>
    public Task<CreatedSubscription> CreateCallbackAsync(string episodeId, string url, CancellationToken cancellationToken) =>
        SaveNewAsync(WebhookSubscription.CallbackId(episodeId), url, WebhookEventTypes.All, show: null, episodeId, cancellationToken);

    /// <summary>True when any subscription exists (the starter freezes this into the episode, so episodes without listeners raise nothing).</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => store.AnySubscriptionAsync(cancellationToken);

    async Task<CreatedSubscription> SaveNewAsync(string id, string url, IReadOnlyList<string> events, string? show, string? episodeId, CancellationToken cancellationToken)
    {
        string secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(id, url, events.Distinct(StringComparer.Ordinal).ToList(), show, episodeId,
            await secrets.ProtectAsync(id, secret, cancellationToken), time.GetUtcNow());
        await store.SaveAsync(subscription, cancellationToken);
        return new CreatedSubscription(subscription, secret);
    }
}
