using Microsoft.DurableTask.Client;
using Microsoft.DurableTask;
using Moq;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>A Moq <see cref="DurableTaskClient"/> backed by a dictionary of instances, recording starts, events and terminations.</summary>
internal sealed class FakeDurableClient
{
    public Mock<DurableTaskClient> Mock { get; } = new("fake") { CallBase = true };
    public System.Collections.Concurrent.ConcurrentDictionary<string, OrchestrationMetadata> Instances { get; } = new(StringComparer.Ordinal);
    public List<(string Name, object? Input, string? InstanceId)> Started { get; } = [];
    public List<(string InstanceId, string EventName, object? Payload)> Events { get; } = [];
    public List<string> Terminated { get; } = [];

    public FakeDurableClient()
    {
        Mock.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns<string, bool, CancellationToken>((id, _, _) => Task.FromResult(Instances.GetValueOrDefault(id)));
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((name, input, options, _) =>
            {
                string id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
                Started.Add((name.Name, input, id));
                Instances[id] = Metadata(id, OrchestrationRuntimeStatus.Pending);
                return Task.FromResult(id);
            });
        Mock.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, object?, CancellationToken>((id, name, payload, _) =>
            {
                Events.Add((id, name, payload));
                return Task.CompletedTask;
            });
        Mock.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Returns<string, TerminateInstanceOptions?, CancellationToken>((id, _, _) =>
            {
                Terminated.Add(id);
                return Task.CompletedTask;
            });
    }

    public DurableTaskClient Object => Mock.Object;

    public static OrchestrationMetadata Metadata(string id, OrchestrationRuntimeStatus status, string? customStatus = null) =>
        new(nameof(EpisodeOrchestrator), id)
        {
            RuntimeStatus = status,
            SerializedCustomStatus = customStatus,
            CreatedAt = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 11, 26, 9, 1, 0, TimeSpan.Zero),
        };
}
