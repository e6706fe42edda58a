using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>One OTLP/HTTP export request as received: path, content type and the protobuf body.</summary>
internal sealed record OtlpExport(string Path, string? ContentType, byte[] Body);

/// <summary>
/// A minimal OTLP/HTTP collector on 127.0.0.1 (a free port): accepts protobuf exports on <c>/v1/traces</c>,
/// <c>/v1/metrics</c> and <c>/v1/logs</c> and answers 200 with an empty export response, as the OTLP
/// specification's HTTP binding says; bodies are capped at 8 MB.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    const long MaxBody = 8 * 1024 * 1024;
    readonly WebApplication _app;

    OtlpReceiver(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base endpoint an exporter is given (OTEL_EXPORTER_OTLP_ENDPOINT); signals go to /v1/{signal}.</summary>
    public Uri Endpoint { get; }

    public ConcurrentQueue<OtlpExport> Exports { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBody;
            k.Listen(IPAddress.Loopback, 0);
        });
        WebApplication app = builder.Build();
        OtlpReceiver? receiver = null;
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver!.Exports.Enqueue(new OtlpExport("/v1/" + signal, context.Request.ContentType, body.ToArray()));
            // An empty Export*ServiceResponse: zero bytes of protobuf.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new OtlpReceiver(app, new Uri(address));
        return receiver;
    }

    /// <summary>True when some export to <paramref name="path"/> carries <paramref name="text"/> (protobuf stores strings as UTF-8 bytes).</summary>
    public bool Received(string path, string text)
    {
        byte[] needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(needle) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
