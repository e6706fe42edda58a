using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.TestServers;

/// <summary>
/// A webhook receiver on loopback that does what a real one does: reads the Standard Webhooks headers, verifies the
/// signature with the secret it was given, and answers with the status the test scripts per request (1-based count);
/// <c>0</c> means "never answer" (held until the test ends). Every request is kept as received.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    readonly TestSite _site;
    readonly CancellationTokenSource _stop = new();

    WebhookReceiver(TestSite site) => _site = site;

    /// <summary>The secret signatures are verified with (set once the subscription answered it).</summary>
    public string? Secret { get; set; }

    /// <summary>The status for request n (1-based); default 200.</summary>
    public Func<int, int> Status { get; set; } = _ => 200;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => _site.Url("hooks/in");

    int _count;

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        TestSite site = await TestSite.StartAsync(app => app.MapPost("/hooks/in", (HttpContext c) => receiver!.HandleAsync(c)));
        receiver = new WebhookReceiver(site);
        return receiver;
    }

    async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        string id = context.Request.Headers[WebhookSignature.IdHeader].ToString();
        string timestamp = context.Request.Headers[WebhookSignature.TimestampHeader].ToString();
        string signature = context.Request.Headers[WebhookSignature.SignatureHeader].ToString();
        bool verified = Secret is not null && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long ts)
            && WebhookSignature.Verify(Secret, id, ts, body, signature);
        int n = Interlocked.Increment(ref _count);
        Received.Enqueue(new ReceivedWebhook(n, id, timestamp, signature, context.Request.ContentType, System.Text.Encoding.UTF8.GetString(body), verified));
        int status = Status(n);
        if (status == 0)
        {
            // A receiver that never answers: the sender's deadline must end the attempt.
            await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _site.DisposeAsync();
        _stop.Dispose();
    }
}

/// <summary>One request as the receiver got it.</summary>
internal sealed record ReceivedWebhook(int Number, string Id, string Timestamp, string Signature, string? ContentType, string Body, bool Verified);
