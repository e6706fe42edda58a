using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using PodcastFactory.FunctionsHost.Rpc;
using P = Microsoft.DurableTask.Protobuf;

namespace PodcastFactory.FunctionsHost.Durable;

/// <summary>
/// The durable extension's part of the host, over the local Durable Task sidecar: orchestration and activity work
/// items become invocations of the worker's orchestration and activity triggers, and their results go back to the
/// sidecar. An orchestration trigger gets the base64 protobuf <c>OrchestratorRequest</c> and returns a base64
/// <c>OrchestratorResponse</c>; an activity trigger gets its JSON input and <c>instanceId</c> and returns JSON. Work
/// items whose invocation the worker could not finish (it died) are left uncompleted, as a crashed host leaves them.
/// </summary>
internal sealed class DurablePump(string sidecarAddress, Func<WorkerInvoker?> current, ActivityLedger ledger, Action<string> log) : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(sidecarAddress, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true },
        MaxReceiveMessageSize = null,
        MaxSendMessageSize = null,
    });
    readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _handlers = new();
    Task _loop = Task.CompletedTask;

    public void Start() => _loop = RunAsync(_stop.Token);

    async Task RunAsync(CancellationToken cancellationToken)
    {
        var client = new P.TaskHubSidecarService.TaskHubSidecarServiceClient(_channel);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using AsyncServerStreamingCall<P.WorkItem> stream = client.GetWorkItems(
                    new P.GetWorkItemsRequest { MaxConcurrentOrchestrationWorkItems = 100, MaxConcurrentActivityWorkItems = 100 }, cancellationToken: cancellationToken);
                while (await stream.ResponseStream.MoveNext(cancellationToken))
                {
                    P.WorkItem item = stream.ResponseStream.Current;
                    Task handler = Task.Run(() => HandleAsync(client, item, cancellationToken), CancellationToken.None);
                    _handlers[handler] = 0;
                    _ = handler.ContinueWith(done => _handlers.TryRemove(done, out _), TaskScheduler.Default);
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Grpc.Core.RpcException ex)
            {
                log($"durable: work item stream ended ({ex.StatusCode}); reconnecting");
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    async Task HandleAsync(P.TaskHubSidecarService.TaskHubSidecarServiceClient client, P.WorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            switch (item.RequestCase)
            {
                case P.WorkItem.RequestOneofCase.OrchestratorRequest:
                    P.OrchestratorResponse orchestration = await RunOrchestratorAsync(item.OrchestratorRequest, cancellationToken);
                    orchestration.CompletionToken = item.CompletionToken;
                    await client.CompleteOrchestratorTaskAsync(orchestration, cancellationToken: cancellationToken);
                    break;
                case P.WorkItem.RequestOneofCase.ActivityRequest:
                    P.ActivityResponse activity = await RunActivityAsync(item.ActivityRequest, cancellationToken);
                    activity.CompletionToken = item.CompletionToken;
                    await client.CompleteActivityTaskAsync(activity, cancellationToken: cancellationToken);
                    // Recorded once the backend has the result: what a restart must not run again.
                    ledger.Add(new ActivityExecution(item.ActivityRequest.Name, activity.InstanceId, activity.TaskId, Succeeded: activity.FailureDetails is null));
                    break;
                default:
                    break;
            }
        }
        catch (Exception ex) when (ex is WorkerExitedException || (ex is OperationCanceledException && _stop.IsCancellationRequested))
        {
            // As the durable extension aborts a work item whose host-side invocation broke: abandoned, so the backend
            // delivers it again (to a restarted worker). A pause first, so a host with no worker does not spin.
            log($"durable: {item.RequestCase} abandoned: {ex.Message}");
            await AbandonAsync(client, item);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Grpc.Core.RpcException or KeyNotFoundException)
        {
            log($"durable: {item.RequestCase} left uncompleted: {ex.Message}");
        }
    }

    async Task AbandonAsync(P.TaskHubSidecarService.TaskHubSidecarServiceClient client, P.WorkItem item)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (item.RequestCase == P.WorkItem.RequestOneofCase.ActivityRequest)
            {
                await client.AbandonTaskActivityWorkItemAsync(new P.AbandonActivityTaskRequest { CompletionToken = item.CompletionToken }, cancellationToken: timeout.Token);
            }
            else if (item.RequestCase == P.WorkItem.RequestOneofCase.OrchestratorRequest)
            {
                await client.AbandonTaskOrchestratorWorkItemAsync(new P.AbandonOrchestrationTaskRequest { CompletionToken = item.CompletionToken }, cancellationToken: timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or Grpc.Core.RpcException)
        {
            log($"durable: abandoning {item.RequestCase} failed: {ex.Message}");
        }
    }

    async Task<P.OrchestratorResponse> RunOrchestratorAsync(P.OrchestratorRequest request, CancellationToken cancellationToken)
    {
        string name = request.PastEvents.Concat(request.NewEvents).First(e => e.ExecutionStarted is not null).ExecutionStarted.Name;
        WorkerInvoker invoker = current() ?? throw new WorkerExitedException("No worker is connected.");
        FunctionEntry function = invoker.Channel.Functions[name];
        InvocationRequest invocation = invoker.NewRequest(function);
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { String = Convert.ToBase64String(request.ToByteArray()) } });
        InvocationResponse response = await invoker.InvokeAsync(function, invocation, cancellationToken);
        string encoded = WorkerInvoker.ReturnText(response)
            ?? throw new InvalidOperationException($"Orchestrator {name} returned no OrchestratorResponse.");
        P.OrchestratorResponse result = P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encoded.Trim('"')));
        if (string.IsNullOrEmpty(result.InstanceId))
        {
            result.InstanceId = request.InstanceId;
        }

        return result;
    }

    async Task<P.ActivityResponse> RunActivityAsync(P.ActivityRequest request, CancellationToken cancellationToken)
    {
        WorkerInvoker invoker = current() ?? throw new WorkerExitedException("No worker is connected.");
        FunctionEntry function = invoker.Channel.Functions[request.Name];
        InvocationRequest invocation = invoker.NewRequest(function);
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Json = UnwrapInput(request.Input) } });
        invocation.TriggerMetadata["instanceId"] = new TypedData { String = request.OrchestrationInstance.InstanceId };
        invocation.TriggerMetadata["name"] = new TypedData { String = request.Name };
        var response = new P.ActivityResponse { InstanceId = request.OrchestrationInstance.InstanceId, TaskId = request.TaskId };
        try
        {
            response.Result = WorkerInvoker.ReturnText(await invoker.InvokeAsync(function, invocation, cancellationToken));
        }
        catch (FunctionInvocationException failed)
        {
            (string type, string message) = ActivityFailure.Split(failed.WorkerMessage);
            log($"durable: activity {request.Name} failed ({type}): {failed.WorkerMessage[..Math.Min(300, failed.WorkerMessage.Length)]}");
            response.FailureDetails = new P.TaskFailureDetails { ErrorType = type, ErrorMessage = message, StackTrace = failed.WorkerStackTrace };
        }

        return response;
    }

    /// <summary>DTFx keeps an activity's input as its parameter array (<c>[input]</c>); the trigger gets the input itself.</summary>
    static string UnwrapInput(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "null";
        }

        using var document = System.Text.Json.JsonDocument.Parse(input);
        System.Text.Json.JsonElement root = document.RootElement;
        return root.ValueKind != System.Text.Json.JsonValueKind.Array ? input
            : root.GetArrayLength() == 0 ? "null"
            : root.GetArrayLength() == 1 ? root[0].GetRawText()
            : input;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        try
        {
            // Work items still in the worker's hands are abandoned (handled above) before the sidecar stops.
            await Task.WhenAll(_handlers.Keys).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            log("durable: work items still running at shutdown were left as they are");
        }
        _channel.Dispose();
        _stop.Dispose();
    }
}
