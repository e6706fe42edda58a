using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>
/// One worker's FunctionRpc event stream, host side: the init, metadata and load handshake, then invocations
/// (answered by id), cancellations, logs and terminate. When the stream or the process ends, everything still
/// waiting fails with <see cref="WorkerExitedException"/>.
/// </summary>
internal sealed partial class WorkerChannel
{
    readonly IAsyncStreamReader<StreamingMessage> _reader;
    readonly IServerStreamWriter<StreamingMessage> _writer;
    readonly SemaphoreSlim _writeLock = new(1, 1);
    readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _replies = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new();
    readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Action<RpcLog> _log;
    readonly Action<string> _report;
    Exception? _failure;

    public WorkerChannel(IAsyncStreamReader<StreamingMessage> reader, IServerStreamWriter<StreamingMessage> writer, string workerId, Action<RpcLog> log, Action<string> report)
    {
        _reader = reader;
        _writer = writer;
        WorkerId = workerId;
        _log = log;
        _report = report;
    }

    public string WorkerId { get; }

    /// <summary>The worker's HTTP endpoint for proxied HTTP triggers (capability <c>HttpUri</c>).</summary>
    public Uri? HttpUri { get; private set; }

    /// <summary>The loaded functions by name.</summary>
    public IReadOnlyDictionary<string, FunctionEntry> Functions { get; private set; } = new Dictionary<string, FunctionEntry>();

    /// <summary>Completes when the stream ends (the gRPC call returns then).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Invocations sent and not answered yet.</summary>
    public int PendingInvocations => _invocations.Count;

    /// <summary>Reads the stream until it ends; the first message must be StartStream.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _reader.MoveNext(cancellationToken))
            {
                Dispatch(_reader.Current);
            }

            Fail(new WorkerExitedException($"Worker {WorkerId} closed its stream."));
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or OperationCanceledException or IOException or InvalidOperationException)
        {
            Fail(new WorkerExitedException($"Worker {WorkerId} stream broke: {ex.Message}"));
        }
    }

    /// <summary>Sends one invocation and waits for its response; cancelling sends InvocationCancel and keeps waiting for the answer.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[request.InvocationId] = reply;
        try
        {
            ThrowIfFailed();
            await SendAsync(new StreamingMessage { InvocationRequest = request });
            await using CancellationTokenRegistration registration = cancellationToken.Register(() => CancelInBackground(request.InvocationId));
            return await reply.Task;
        }
        finally
        {
            _invocations.TryRemove(request.InvocationId, out TaskCompletionSource<InvocationResponse>? _);
        }
    }

    /// <summary>Asks the worker to shut down (it exits by itself within the grace period).</summary>
    public Task TerminateAsync(TimeSpan grace) =>
        SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(grace) } });

    /// <summary>Fails everything that waits for the worker (its process died or its stream ended).</summary>
    public void Fail(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is null)
        {
            _report($"host: {reason.Message} {_invocations.Count} pending invocation(s) failed.");
        }

        foreach (string invocationId in _invocations.Keys)
        {
            if (_invocations.TryRemove(invocationId, out TaskCompletionSource<InvocationResponse>? pending))
            {
                pending.TrySetException(reason);
            }
        }

        foreach (TaskCompletionSource<StreamingMessage> pending in _replies.Values)
        {
            pending.TrySetException(reason);
        }

        _closed.TrySetResult();
    }

    void CancelInBackground(string invocationId) => _ = Task.Run(async () =>
    {
        try
        {
            await SendAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });
        }
        catch (WorkerExitedException)
        {
            // Nothing to cancel any more.
        }
    });

    void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.WorkerInitResponse: Reply("init", message); break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse: Reply("metadata", message); break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse: Reply("load:" + message.FunctionLoadResponse.FunctionId, message); break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponseCollection:
                foreach (FunctionLoadResponse load in message.FunctionLoadResponseCollection.FunctionLoadResponses)
                {
                    Reply("load:" + load.FunctionId, new StreamingMessage { FunctionLoadResponse = load });
                }

                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryGetValue(message.InvocationResponse.InvocationId, out TaskCompletionSource<InvocationResponse>? invocation))
                {
                    invocation.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.RpcLog: _log(message.RpcLog); break;
            default: break;
        }
    }

    async Task<StreamingMessage> RequestAsync(StreamingMessage message, string key, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[key] = reply;
        ThrowIfFailed();
        message.RequestId = Guid.NewGuid().ToString();
        await SendAsync(message);
        return await reply.Task.WaitAsync(cancellationToken);
    }

    void Reply(string key, StreamingMessage message)
    {
        if (_replies.TryRemove(key, out TaskCompletionSource<StreamingMessage>? reply))
        {
            reply.TrySetResult(message);
        }
    }

    async Task SendAsync(StreamingMessage message)
    {
        await _writeLock.WaitAsync();
        try
        {
            ThrowIfFailed();
            await _writer.WriteAsync(message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new WorkerExitedException(failure.Message);
        }
    }
}
