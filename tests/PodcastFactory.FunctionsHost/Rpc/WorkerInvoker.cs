using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>Builds invocation requests the way the host does (trace context, <c>[DurableClient]</c> inputs) and runs them.</summary>
internal sealed class WorkerInvoker(WorkerChannel channel, string durableClientJson)
{
    public WorkerChannel Channel => channel;

    /// <summary>A request for <paramref name="function"/> with a fresh invocation id; its durable client inputs are filled in.</summary>
    public InvocationRequest NewRequest(FunctionEntry function)
    {
        // The worker reads trace_context unconditionally: without it every invocation fails with a NullReferenceException.
        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = NewTraceParent(), TraceState = "" },
        };
        foreach (string name in function.DurableClientBindings)
        {
            request.InputData.Add(new ParameterBinding { Name = name, Data = new TypedData { String = durableClientJson } });
        }

        return request;
    }

    /// <summary>Runs the invocation; a failure reported by the worker becomes <see cref="FunctionInvocationException"/>.</summary>
    public async Task<InvocationResponse> InvokeAsync(FunctionEntry function, InvocationRequest request, CancellationToken cancellationToken)
    {
        InvocationResponse response = await channel.InvokeAsync(request, cancellationToken);
        if (response.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new FunctionInvocationException(function.Name, response.Result.Exception?.Message ?? response.Result.Status.ToString(), response.Result.Exception?.StackTrace);
        }

        return response;
    }

    /// <summary>The function's return value as text (JSON or string), or null.</summary>
    public static string? ReturnText(InvocationResponse response) => response.ReturnValue?.DataCase switch
    {
        TypedData.DataOneofCase.Json => response.ReturnValue.Json,
        TypedData.DataOneofCase.String => response.ReturnValue.String,
        TypedData.DataOneofCase.Bytes => System.Text.Encoding.UTF8.GetString(response.ReturnValue.Bytes.Span),
        _ => null,
    };

    static string NewTraceParent() => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";
}
