using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Tests.TestServers;

/// <summary>
/// A provider that enforces its quota like Azure OpenAI does: at most <c>limit</c> requests in any sliding
/// <c>window</c>; over it, 429 with <c>Retry-After</c>, <c>retry-after-ms</c> and <c>x-ratelimit-*</c> headers, and
/// every answer says what is left. Any POST path is answered (chat, speech or search alike). Also linked into the bench.
/// </summary>
internal sealed class RateLimitedServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly Lock _gate = new();
    readonly Queue<DateTimeOffset> _accepted = new();
    readonly int _limit;
    readonly TimeSpan _window;
    readonly TimeSpan _latency;
    int _ok;
    int _throttled;

    RateLimitedServer(WebApplication app, int limit, TimeSpan window, TimeSpan latency)
    {
        _app = app;
        _limit = limit;
        _window = window;
        _latency = latency;
    }

    /// <summary>Root URL (http://127.0.0.1:port/).</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests answered 200.</summary>
    public int Accepted => Volatile.Read(ref _ok);

    /// <summary>Requests answered 429.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<RateLimitedServer> StartAsync(int limit, TimeSpan window, TimeSpan latency = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var server = new RateLimitedServer(app, limit, window, latency);
        app.MapPost("/{**path}", server.AnswerAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    async Task AnswerAsync(HttpContext context)
    {
        // Read the whole body (the SDKs send it chunked) before answering.
        await context.Request.Body.CopyToAsync(Stream.Null);
        (bool ok, int remaining, TimeSpan reset) = Count(DateTimeOffset.UtcNow);
        IHeaderDictionary headers = context.Response.Headers;
        headers["x-ratelimit-remaining-requests"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset-requests"] = reset.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        if (!ok)
        {
            headers["retry-after-ms"] = ((long)Math.Ceiling(reset.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            headers.RetryAfter = ((long)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await context.Response.WriteAsync("""{"error":{"code":"429","message":"Rate limit exceeded."}}""");
            return;
        }

        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, CancellationToken.None);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"ok":true}""");
    }

    (bool Ok, int Remaining, TimeSpan Reset) Count(DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_accepted.Count > 0 && _accepted.Peek() <= now - _window)
            {
                _accepted.Dequeue();
            }

            bool ok = _accepted.Count < _limit;
            if (ok)
            {
                _accepted.Enqueue(now);
                _ok++;
            }
            else
            {
                _throttled++;
            }

            TimeSpan reset = _accepted.Count == 0 ? TimeSpan.Zero : _accepted.Peek() + _window - now;
            return (ok, _limit - _accepted.Count, reset);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
