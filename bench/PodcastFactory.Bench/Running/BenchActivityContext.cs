using Microsoft.DurableTask;

namespace PodcastFactory.Bench.Running;

/// <summary>The context handed to an activity called directly, without Durable Task (the sequential baseline).</summary>
public sealed class BenchActivityContext(string name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
