using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>Worker streams that connected and said StartStream, waiting for the host to take them.</summary>
internal sealed class WorkerConnections
{
    readonly Channel<WorkerChannel> _connected = Channel.CreateUnbounded<WorkerChannel>();

    public Action<RpcLog> Log { get; set; } = _ => { };

    public Action<string> Report { get; set; } = _ => { };

    public ValueTask<WorkerChannel> NextAsync(CancellationToken cancellationToken) => _connected.Reader.ReadAsync(cancellationToken);

    public void Add(WorkerChannel channel) => _connected.Writer.TryWrite(channel);
}

/// <summary>The host's side of <c>FunctionRpc.EventStream</c>: the call lasts as long as the worker's session.</summary>
internal sealed class FunctionRpcEndpoint(WorkerConnections connections) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.FailedPrecondition, "The first message of a worker stream must be StartStream."));
        }

        var channel = new WorkerChannel(requestStream, responseStream, requestStream.Current.StartStream.WorkerId, connections.Log, connections.Report);
        connections.Add(channel);
        await channel.RunAsync(context.CancellationToken);
    }
}
