using System.Collections.Concurrent;

namespace PodcastFactory.FunctionsHost;

/// <summary>One activity execution the host saw completed by the worker.</summary>
/// <param name="Name">Activity name.</param>
/// <param name="InstanceId">The orchestration that scheduled it.</param>
/// <param name="TaskId">Its task id in that orchestration's history.</param>
/// <param name="Succeeded">False when the activity function failed.</param>
public sealed record ActivityExecution(string Name, string InstanceId, int TaskId, bool Succeeded);

/// <summary>Every activity execution the host (or several host instances, one after another) ran through the worker.</summary>
public sealed class ActivityLedger
{
    readonly ConcurrentQueue<ActivityExecution> _executions = new();

    /// <summary>The executions so far, in completion order.</summary>
    public IReadOnlyList<ActivityExecution> Executions => [.. _executions];

    /// <summary>Records one execution.</summary>
    public void Add(ActivityExecution execution) => _executions.Enqueue(execution);

    /// <summary>How many executions of <paramref name="name"/> completed.</summary>
    public int Count(string name) => _executions.Count(e => e.Name == name);
}
