using Microsoft.DurableTask;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// Delivers one event to every subscription that wants it, durably: an activity per attempt, a durable timer between
/// attempts (exponential backoff with jitter, <see cref="WebhookBackoff"/>), until a 2xx or until the retry window
/// since the first attempt has passed; the last failed attempt marks the subscription failing. Started by the episode
/// and re-voice orchestrators (<see cref="EpisodeEvents"/>) and never awaited by them, so a slow receiver never holds
/// an episode up. Its instance id is derived from the event, so the event is delivered by one orchestration.
/// </summary>
public sealed class WebhookDeliveryOrchestrator : TaskOrchestrator<WebhookDeliveryInput, WebhookDeliveryResult>
{
    /// <inheritdoc />
    public override async Task<WebhookDeliveryResult> RunAsync(TaskOrchestrationContext context, WebhookDeliveryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        PreparedWebhookEvent prepared = await context.CallActivityAsync<PreparedWebhookEvent>(
            nameof(PrepareWebhookEventActivity), input.Event, RetryPolicies.StorageOptions);
        bool[] delivered = await Task.WhenAll(prepared.SubscriptionIds.Select(s => DeliverAsync(context, input, prepared.BodyArtifact, s)));
        return new WebhookDeliveryResult(input.Event.Id,
            prepared.SubscriptionIds.Where((_, i) => delivered[i]).ToList(),
            prepared.SubscriptionIds.Where((_, i) => !delivered[i]).ToList());
    }

    static async Task<bool> DeliverAsync(TaskOrchestrationContext context, WebhookDeliveryInput input, string body, string subscriptionId)
    {
        WebhookSettings settings = input.Settings;
        DateTime windowEnd = context.CurrentUtcDateTime.AddHours(settings.RetryWindowHours);
        for (int attempt = 1; ; attempt++)
        {
            TimeSpan wait = WebhookBackoff.After(attempt, input.Event.Id, subscriptionId, settings.FirstRetrySeconds, settings.MaxRetryDelayMinutes);
            DateTime next = context.CurrentUtcDateTime + wait;
            bool last = next > windowEnd;
            DeliverWebhookOutput result;
            try
            {
                result = await context.CallActivityAsync<DeliverWebhookOutput>(nameof(DeliverWebhookActivity),
                    new DeliverWebhookInput(subscriptionId, input.Event.Id, input.Event.Type, input.Event.Subject, body, attempt, last ? null : next));
            }
            catch (TaskFailedException)
            {
                // The attempt's own bookkeeping failed (storage): it counts as a failed attempt; the next one retries.
                result = new DeliverWebhookOutput(false, false, null);
            }

            if (result.Delivered || result.Gone || last)
            {
                return result.Delivered;
            }

            await context.CreateTimer(next, CancellationToken.None);
        }
    }
}
