namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>The worker went away (process exit or closed stream) while the host waited for it.</summary>
public sealed class WorkerExitedException(string message) : Exception(message);

/// <summary>A function invocation that the worker reported as failed.</summary>
public sealed class FunctionInvocationException(string functionName, string message, string? stackTrace)
    : Exception($"{functionName} failed: {message}")
{
    /// <summary>The function.</summary>
    public string FunctionName { get; } = functionName;

    /// <summary>The worker's exception message.</summary>
    public string WorkerMessage { get; } = message;

    /// <summary>The worker's stack trace.</summary>
    public string? WorkerStackTrace { get; } = stackTrace;
}
