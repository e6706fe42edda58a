using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;

namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>The gRPC endpoint workers connect to (<c>--functions-uri</c>): h2c on a free loopback port.</summary>
internal sealed class RpcServer : IAsyncDisposable
{
    readonly WebApplication _app;

    RpcServer(WebApplication app, Uri address, WorkerConnections connections)
    {
        _app = app;
        Address = address;
        Connections = connections;
    }

    public Uri Address { get; }

    public WorkerConnections Connections { get; }

    public static async Task<RpcServer> StartAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        var connections = new WorkerConnections();
        builder.Services.AddSingleton(connections);
        WebApplication app = builder.Build();
        app.MapGrpcService<FunctionRpcEndpoint>();
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RpcServer(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), connections);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
