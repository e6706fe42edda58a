using System.Globalization;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// After <c>podcast produce</c> has followed its episode to the end, waits (bounded) for the episode's event
/// deliveries, which run beside it: the worker lives in this process, so leaving at once would stop them. What is
/// still pending at the bound is said: on a durable store the next worker continues it; on memory it is dropped.
/// </summary>
public static class WebhookDrain
{
    /// <summary>How long produce waits for deliveries after the episode ended.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Waits for the deliveries of the events <paramref name="final"/> raised; returns how many are still running.</summary>
    public static async Task<int> WaitAsync(DurableTaskClient client, OrchestrationMetadata final, TextWriter progress, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(final);
        if (final.ReadInputAs<EpisodeInput>() is not { Settings.Webhooks: not null } input)
        {
            return 0;
        }

        List<string> expected = [EpisodeEvents.DeliveryInstanceId(final.InstanceId, WebhookEventTypes.Started)];
        EpisodeResult? result = final.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? final.ReadOutputAs<EpisodeResult>() : null;
        string? outcomeType = final.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? WebhookEventTypes.Failed
            : result is null ? null : WebhookEventTypes.ForOutcome(result.Outcome);
        if (outcomeType is not null)
        {
            expected.Add(EpisodeEvents.DeliveryInstanceId(final.InstanceId, outcomeType));
        }

        if (result?.Artifacts.Contains(ArtifactNames.Master(input.EpisodeId)) == true)
        {
            expected.Add(EpisodeEvents.DeliveryInstanceId(final.InstanceId, WebhookEventTypes.Published));
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        var pending = new List<string>(expected);
        try
        {
            while (pending.Count > 0)
            {
                foreach (string id in pending.ToList())
                {
                    if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, limit.Token) is { IsCompleted: true })
                    {
                        pending.Remove(id);
                    }
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{pending.Count} webhook delivery(ies) still retrying after {Limit.TotalSeconds:0} s: {(durable ? "a worker on this task hub (podcast worker) continues them" : "--store memory drops them now")}."));
        }

        return pending.Count;
    }
}
