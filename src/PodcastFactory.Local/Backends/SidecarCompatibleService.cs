using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask.Testing.Sidecar.Dispatcher;

namespace PodcastFactory.Local.Backends;

/// <summary>
/// Adapts an orchestration service to what the Durable Task sidecar hands it, for backends that serialize state
/// (Azure Storage). Found on Azurite:
/// <list type="bullet">
/// <item>The sidecar starts a sub-orchestration with an <see cref="ExecutionStartedEvent"/> whose tags are a
/// protobuf map; the queue message records that type name and no reader can resolve it, so the sub-orchestration
/// never started. Tags are copied into a plain dictionary before the messages are sent.</item>
/// <item>It records the start in history as a subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/> that
/// the history table cannot serialize (an empty row, so replay would lose it). It is stored as the base type. The
/// subclass alone carries the trace context the sub-orchestration was started under, and the worker, replaying, emits
/// the sub-orchestration's client span with that span id; the base type would give it a new one, and the
/// sub-orchestration would name a parent span that is never exported. So the span id is kept in the base type's
/// <see cref="SubOrchestrationInstanceCreatedEvent.ClientSpanId"/> (what Durable Task Core itself keeps there) and the
/// subclass is rebuilt when the history is read, from that id and the orchestration's own trace (the same trace).</item>
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
    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskOrchestrationWorkItem workItem = await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem?.OrchestrationRuntimeState is { } state)
        {
            // The state keeps the events twice (all, and the past ones the worker is sent); both are restored.
            DistributedTraceContext? trace = state.ExecutionStartedEvent?.ParentTraceContext;
            RestoreTraceContext(state.Events, trace);
            RestoreTraceContext(state.PastEvents, trace);
        }

        return workItem!;
    }

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
                    ClientSpanId = created is GrpcSubOrchestrationInstanceCreatedEvent { ParentTraceContext.TraceParent: { } parent }
                        ? SpanIdOf(parent) : created.ClientSpanId,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }

    // The reverse of Normalize, for the worker: the sidecar sends it a sub-orchestration's trace context only from the
    // subclass. The client span shares the orchestration's trace id, flags and state; its span id is the one kept.
    static void RestoreTraceContext(IList<HistoryEvent> events, DistributedTraceContext? orchestration)
    {
        string[]? trace = orchestration?.TraceParent?.Split('-');
        if (trace is not { Length: 4 })
        {
            return;
        }

        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent { ClientSpanId: { Length: 16 } spanId } created
                && created.GetType() == typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new GrpcSubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = spanId,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                    ParentTraceContext = new DistributedTraceContext($"{trace[0]}-{trace[1]}-{spanId}-{trace[3]}", orchestration!.TraceState),
                };
            }
        }
    }

    // A W3C traceparent is version-traceid-spanid-flags.
    static string? SpanIdOf(string traceParent) => traceParent.Split('-') is { Length: 4 } parts ? parts[2] : null;
}
