using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.Local.Backends;

/// <summary>
/// Hosts the Durable Task gRPC sidecar over any orchestration service (in-memory or Azure Storage) on a free
/// loopback port (HTTP/2 only), so the portable worker and client run the workflow exactly as they would against
/// a remote backend.
/// </summary>
public sealed class SidecarServer : IAsyncDisposable
{
    readonly WebApplication _app;

    SidecarServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The sidecar's gRPC address, e.g. http://127.0.0.1:40123.</summary>
    public string Address { get; }

    /// <summary>Starts the sidecar over <paramref name="service"/> (which must also implement IOrchestrationServiceClient).</summary>
    public static async Task<SidecarServer> StartAsync(IOrchestrationService service, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        WebApplication app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SidecarServer(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
