using System.Collections.Concurrent;
using DurableTask.Core;

namespace PodcastFactory.Local.Backends;

/// <summary>
/// Renews the lock of every activity work item while it runs. The Durable Task sidecar never renews activity locks,
/// so on Azure Storage an activity that outlasted the work-item visibility became visible again and a second
/// worker ran it concurrently (a paid call made twice with no crash). Renewing every third of the visibility keeps
/// the message hidden as long as its worker is alive; when the worker dies the renewals stop, and the message
/// reappears after at most one visibility, which is the at-least-once retry the crash needs.
/// </summary>
public sealed class ActivityLockRenewingService(IOrchestrationService inner, TimeSpan visibility) : DelegatingOrchestrationService(inner)
{
    readonly ConcurrentDictionary<string, CancellationTokenSource> _renewals = new(StringComparer.Ordinal);

    /// <summary>How often a running activity's lock is renewed.</summary>
    public TimeSpan RenewEvery { get; } = visibility / 3;

    /// <inheritdoc />
    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskActivityWorkItem workItem = await base.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var stop = new CancellationTokenSource();
            _renewals[workItem.Id] = stop;
            _ = RenewUntilDoneAsync(workItem, stop.Token);
        }

        return workItem!;
    }

    /// <inheritdoc />
    public override Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        StopRenewing(workItem);
        return base.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    /// <inheritdoc />
    public override Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        StopRenewing(workItem);
        return base.AbandonTaskActivityWorkItemAsync(workItem);
    }

    async Task RenewUntilDoneAsync(TaskActivityWorkItem workItem, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(RenewEvery, stop);
                await base.RenewTaskActivityWorkItemLockAsync(workItem);
            }
        }
        catch (OperationCanceledException)
        {
            // Completed or abandoned: nothing left to hold.
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            // A failed renewal (storage unreachable) ends the loop; the message then reappears after its visibility,
            // exactly as if this worker had died. The activity's own result is still delivered if it finishes.
        }
    }

    void StopRenewing(TaskActivityWorkItem workItem)
    {
        if (_renewals.TryRemove(workItem.Id, out CancellationTokenSource? stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }
}
