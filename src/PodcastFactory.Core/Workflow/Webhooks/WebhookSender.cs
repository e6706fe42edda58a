using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>What one attempt got.</summary>
/// <param name="StatusCode">The receiver's status; null when no response came.</param>
/// <param name="Error">Why it is not delivered; null for a 2xx.</param>
/// <param name="DurationMs">How long it took.</param>
public sealed record WebhookSendResult(int? StatusCode, string? Error, double DurationMs)
{
    /// <summary>True for a 2xx.</summary>
    public bool Delivered => Error is null;
}

/// <summary>
/// One signed POST of a stored event body. Bounded: one deadline (<c>Webhooks:TimeoutSeconds</c>) for connect, send,
/// status and at most <see cref="MaxResponseBytes"/> of the answer (read only to free the connection, then dropped);
/// redirects are not followed (a 3xx is a failed attempt); the connect callback refuses addresses the policy refuses.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClientFactory, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>Name of the HttpClient (registered in <see cref="WebhookServiceCollectionExtensions"/>).</summary>
    public const string HttpClientName = "webhooks";

    /// <summary>Most bytes of a receiver's answer read.</summary>
    public const int MaxResponseBytes = 4096;

    /// <summary>The user agent receivers see.</summary>
    public const string UserAgent = "PodcastFactory-Webhooks/1.0";

    /// <summary>Sends <paramref name="body"/> to <paramref name="url"/>, signed with <paramref name="secret"/> under <paramref name="webhookId"/>.</summary>
    public async Task<WebhookSendResult> SendAsync(Uri url, string secret, string webhookId, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        int timeoutSeconds = options.Value.TimeoutSeconds;
        long timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, webhookId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, webhookId, timestamp, body));
        request.Headers.UserAgent.ParseAdd(UserAgent);

        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            using HttpResponseMessage response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            await DrainAsync(response.Content, deadline.Token);
            int status = (int)response.StatusCode;
            string? error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"HTTP {status}: redirects are not followed",
                _ => $"HTTP {status}",
            };
            return new WebhookSendResult(status, error, clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, $"no complete answer within {timeoutSeconds} s (Webhooks:TimeoutSeconds)", clock.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(null, Innermost(ex), clock.Elapsed.TotalMilliseconds);
        }
    }

    static async Task DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using Stream stream = await content.ReadAsStreamAsync(cancellationToken);
        byte[] chunk = new byte[1024];
        int total = 0, read;
        while (total < MaxResponseBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
        }
    }

    static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }
}
