using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodcastFactory.FunctionsHost.Rpc;

namespace PodcastFactory.FunctionsHost.Http;

/// <summary>
/// The public HTTP endpoint (HTTP/1.1 on a free loopback port). A request whose method and path match an HTTP
/// trigger becomes an invocation with an empty <c>RpcHttp</c> and the route values in trigger metadata, while the
/// request itself is forwarded to the worker's <c>HttpUri</c> with <c>x-ms-invocation-id</c> (the worker pairs the
/// two), as the host's proxying does: Host replaced by the destination's, X-Forwarded-* added.
/// </summary>
internal sealed class HttpFrontDoor : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly HttpMessageInvoker _forwarder = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false });

    HttpFrontDoor(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<HttpFrontDoor> StartAsync(Func<(WorkerInvoker Invoker, HttpRouteTable Routes)?> current, Action<string> log, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
        });
        WebApplication app = builder.Build();
        var door = new HttpFrontDoor(app);
        app.Run(context => door.HandleAsync(context, current(), log));
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        door.Address = new Uri(address);
        return door;
    }

    async Task HandleAsync(HttpContext context, (WorkerInvoker Invoker, HttpRouteTable Routes)? current, Action<string> log)
    {
        if (current is not var (invoker, routes) || invoker.Channel.HttpUri is not { } workerUri)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (routes.Match(context.Request.Method, context.Request.Path) is not var (function, values))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        InvocationRequest request = invoker.NewRequest(function);
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Http = new RpcHttp() } });
        foreach ((string name, object? value) in values)
        {
            request.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        }

        Task<InvocationResponse> invocation = invoker.InvokeAsync(function, request, context.RequestAborted);
        try
        {
            await ForwardAsync(context, workerUri, request.InvocationId);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            log($"front door: forwarding to {function.Name} failed: {ex.Message}");
            if (context.Response.HasStarted)
            {
                context.Abort();
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }

        try
        {
            await invocation;
        }
        catch (Exception ex) when (ex is WorkerExitedException or FunctionInvocationException)
        {
            // The worker's own response (if it sent one) has been forwarded; the failure is the host's to log.
            log($"front door: {function.Name} failed: {ex.Message}");
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    async Task ForwardAsync(HttpContext context, Uri workerUri, string invocationId)
    {
        using HttpResponseMessage response = await SendWithRetryAsync(context, workerUri, invocationId);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await using Stream body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>Sends the request; a refused connection (the worker's server not listening yet) is retried, as the host's proxy retries.</summary>
    async Task<HttpResponseMessage> SendWithRetryAsync(HttpContext context, Uri workerUri, string invocationId)
    {
        for (int attempt = 1; ; attempt++)
        {
            using HttpRequestMessage outgoing = CreateRequest(context, workerUri, invocationId);
            try
            {
                return await _forwarder.SendAsync(outgoing, context.RequestAborted);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < 10)
            {
                await Task.Delay(100 * attempt, context.RequestAborted);
            }
        }
    }

    static HttpRequestMessage CreateRequest(HttpContext context, Uri workerUri, string invocationId)
    {
        HttpRequest incoming = context.Request;
        var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(workerUri, incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent()));
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            outgoing.Content = new StreamContent(incoming.Body);
        }

        foreach ((string name, Microsoft.Extensions.Primitives.StringValues value) in incoming.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value);
            }
        }

        outgoing.Headers.TryAddWithoutValidation("x-ms-invocation-id", invocationId);
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return outgoing;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _forwarder.Dispose();
    }
}
