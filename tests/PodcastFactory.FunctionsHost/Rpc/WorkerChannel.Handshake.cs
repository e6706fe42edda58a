using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>The session's start: init (capabilities both ways), metadata by worker indexing, one load per function.</summary>
internal sealed partial class WorkerChannel
{
    const string HostVersion = "4.1040.0";

    /// <summary>Init, metadata (worker indexing) and one load request per function.</summary>
    public async Task InitializeAsync(string appDirectory, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest { HostVersion = HostVersion, FunctionAppDirectory = appDirectory, WorkerDirectory = appDirectory };
        init.Capabilities.Add("RpcHttpBodyOnly", "true");
        init.Capabilities.Add("RpcHttpTriggerMetadataRemoved", "true");
        init.Capabilities.Add("TypedDataCollection", "true");
        init.Capabilities.Add("IncludeEmptyEntriesInMessagePayload", "true");
        StreamingMessage initReply = await RequestAsync(new StreamingMessage { WorkerInitRequest = init }, "init", cancellationToken);
        EnsureSuccess(initReply.WorkerInitResponse.Result, "worker init");
        if (initReply.WorkerInitResponse.Capabilities.TryGetValue("HttpUri", out string? httpUri))
        {
            HttpUri = new Uri(httpUri);
        }

        StreamingMessage metadataReply = await RequestAsync(
            new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory } }, "metadata", cancellationToken);
        EnsureSuccess(metadataReply.FunctionMetadataResponse.Result, "function metadata");
        var functions = metadataReply.FunctionMetadataResponse.FunctionMetadataResults.Select(FunctionEntry.From).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

        await Task.WhenAll(functions.Values.Select(async function =>
        {
            var load = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function.Metadata };
            StreamingMessage reply = await RequestAsync(new StreamingMessage { FunctionLoadRequest = load }, "load:" + function.FunctionId, cancellationToken);
            EnsureSuccess(reply.FunctionLoadResponse.Result, $"loading {function.Name}");
        }));
        Functions = functions;
    }

    static void EnsureSuccess(StatusResult result, string step)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed {step}: {result.Exception?.Message ?? result.Result}");
        }
    }
}
