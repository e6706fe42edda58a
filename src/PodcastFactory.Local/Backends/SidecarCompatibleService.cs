using DurableTask.Core;
using DurableTask.Core.History;

namespace PodcastFactory.Local.Backends;

/// <summary>
/// Adapts an orchestration service to what the Durable Task sidecar hands it, for backends that serialize state
/// (Azure Storage). Found on Azurite:
/// <list type="bullet">
/// <item>The sidecar starts a sub-orchestration with an <see cref="ExecutionStartedEvent"/> whose tags are a
/// protobuf map; the queue message records that type name and no reader can resolve it, so the sub-orchestration
/// never started. Tags are copied into a plain dictionary before the messages are sent.</item>
/// <item>It records the start in history as a subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/> that
/// the history table cannot serialize (an empty row, so replay would lose it). It is stored as the base type.</item>
/// <item>It stops the service on every shutdown but starts it only when a worker connects; the Azure Storage
/// service throws when stopped unstarted (a client-only runtime), from an async void handler, which ends the
/// process. Only a started service is stopped.</item>
/// </list>
/// </summary>
public sealed class SidecarCompatibleService(IOrchestrationService inner) : DelegatingOrchestrationService(inner)
{
    int _started;

    /// <inheritdoc />
    public override async Task StartAsync()
    {
        await base.StartAsync();
        Interlocked.Exchange(ref _started, 1);
    }

    /// <inheritdoc />
    public override Task StopAsync() => Interlocked.Exchange(ref _started, 0) == 1 ? base.StopAsync() : Task.CompletedTask;

    /// <inheritdoc />
    public override Task StopAsync(bool isForced) => Interlocked.Exchange(ref _started, 0) == 1 ? base.StopAsync(isForced) : Task.CompletedTask;

    /// <inheritdoc />
    public override Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        foreach (TaskMessage message in orchestratorMessages.Append(continuedAsNewMessage))
        {
            if (message?.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
            {
                started.Tags = new Dictionary<string, string>(tags);
            }
        }

        Normalize(newOrchestrationRuntimeState.Events);
        Normalize(newOrchestrationRuntimeState.NewEvents);

        return base.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    static void Normalize(IList<HistoryEvent> events)
    {
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }
}
