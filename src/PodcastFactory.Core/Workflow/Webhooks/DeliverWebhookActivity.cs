using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>Input of <see cref="DeliverWebhookActivity"/>: one attempt of one event to one subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="WebhookId">The event's stable id.</param>
/// <param name="Type">The event type.</param>
/// <param name="EpisodeId">The episode.</param>
/// <param name="BodyArtifact">The stored body.</param>
/// <param name="Attempt">1, 2, ...</param>
/// <param name="NextTryAt">When the next attempt is due if this one fails; null when this is the last.</param>
public sealed record DeliverWebhookInput(string SubscriptionId, string WebhookId, string Type, string EpisodeId, string BodyArtifact, int Attempt, DateTime? NextTryAt);

/// <summary>Output of <see cref="DeliverWebhookActivity"/>.</summary>
/// <param name="Delivered">A 2xx came back.</param>
/// <param name="Gone">The subscription no longer exists: stop.</param>
/// <param name="StatusCode">The receiver's status, if any.</param>
public sealed record DeliverWebhookOutput(bool Delivered, bool Gone, int? StatusCode);

/// <summary>
/// One attempt: read the subscription and the stored body, sign and POST once, record the attempt in the delivery log
/// (attempt n replaces an earlier record of attempt n, so an attempt re-run after a crash is listed once, with what
/// the re-run got). After the last failed attempt the subscription is marked failing. The id and body never change
/// between attempts, so a receiver that got the first copy can drop the second.
/// </summary>
public sealed class DeliverWebhookActivity(WebhookStore store, WebhookSecrets secrets, WebhookSender sender, TimeProvider time, ILogger<DeliverWebhookActivity> logger)
    : TaskActivity<DeliverWebhookInput, DeliverWebhookOutput>
{
    /// <inheritdoc />
    public override async Task<DeliverWebhookOutput> RunAsync(TaskActivityContext context, DeliverWebhookInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CancellationToken none = CancellationToken.None;
        WebhookSubscription? subscription = await store.FindAsync(input.SubscriptionId, none);
        if (subscription is null)
        {
            await RecordAsync(input, new WebhookSendResult(null, "the subscription was deleted", 0), WebhookDeliveryStates.Failed, time.GetUtcNow());
            return new DeliverWebhookOutput(false, Gone: true, null);
        }

        DateTimeOffset at = time.GetUtcNow();
        WebhookSendResult result;
        try
        {
            string secret = await secrets.UnprotectAsync(subscription.Id, subscription.EncryptedSecret, none);
            result = await sender.SendAsync(new Uri(subscription.Url), secret, input.WebhookId, await store.ReadEventAsync(input.BodyArtifact, none), none);
        }
        catch (CryptographicException)
        {
            // A changed Webhooks:SecretKey: retrying cannot help until the key is restored, and the log says why.
            result = new WebhookSendResult(null, "the stored secret cannot be decrypted with Webhooks:SecretKey", 0);
        }

        string state = result.Delivered ? WebhookDeliveryStates.Delivered : input.NextTryAt is null ? WebhookDeliveryStates.Failed : WebhookDeliveryStates.Pending;
        await RecordAsync(input, result, state, at);
        if (result.Delivered)
        {
            Logs.WebhookDelivered(logger, input.WebhookId, input.Type, subscription.Id, input.Attempt, result.StatusCode ?? 0);
            if (subscription.FailingSince is not null)
            {
                await store.SaveAsync(subscription with { FailingSince = null, FailingReason = null }, none);
            }
        }
        else if (input.NextTryAt is null)
        {
            Logs.WebhookGaveUp(logger, input.WebhookId, input.Type, subscription.Id, input.Attempt, result.Error ?? "");
            await store.SaveAsync(subscription with { FailingSince = at, FailingReason = $"{input.Type} {input.WebhookId}: {result.Error}" }, none);
        }
        else
        {
            Logs.WebhookAttemptFailed(logger, input.WebhookId, input.Type, subscription.Id, input.Attempt, result.Error ?? "", input.NextTryAt.Value);
        }

        return new DeliverWebhookOutput(result.Delivered, Gone: false, result.StatusCode);
    }

    async Task RecordAsync(DeliverWebhookInput input, WebhookSendResult result, string state, DateTimeOffset at)
    {
        WebhookDelivery? log = await store.FindDeliveryAsync(input.SubscriptionId, input.WebhookId, CancellationToken.None);
        var attempts = (log?.Attempts ?? []).Where(a => a.Number != input.Attempt).ToList();
        attempts.Add(new WebhookAttempt(input.Attempt, at, result.StatusCode, result.Error, Math.Round(result.DurationMs, 1)));
        await store.SaveDeliveryAsync(new WebhookDelivery(input.WebhookId, input.SubscriptionId, input.Type, input.EpisodeId, state,
            attempts.OrderBy(a => a.Number).ToList(), state == WebhookDeliveryStates.Pending ? input.NextTryAt : null), CancellationToken.None);
    }
}
