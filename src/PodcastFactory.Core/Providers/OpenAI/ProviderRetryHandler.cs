using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.RateLimiting;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// The only retry loop between an activity and a model provider (the SDKs' own retries are switched off):
/// 429 and 5xx are retried up to <c>maxRetries</c> times honouring <c>retry-after-ms</c> / <c>Retry-After</c>
/// (capped at <see cref="MaxDelay"/>); other 4xx (400/401/403/404...) fail at once with <see cref="NonRetryableException"/>
/// carrying the provider's message; each attempt has its own timeout. When the retries are spent a
/// <see cref="ProviderTransientException"/> lets the durable retry policy decide, so the worst case is
/// (1 + maxRetries) HTTP attempts per activity attempt.
/// </summary>
public sealed partial class ProviderRetryHandler(string provider, int maxRetries, TimeSpan attemptTimeout, ILogger logger, string? settingsSection = null) : DelegatingHandler
{
    /// <summary>Longest wait between two attempts, whatever the provider asks for.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(attemptTimeout);
                try
                {
                    response = await base.SendAsync(request, timeout.Token);
                    if (IsRetryable(response.StatusCode))
                    {
                        // Buffer the body inside the attempt's timeout so the error message can be read later.
                        await response.Content.LoadIntoBufferAsync(timeout.Token);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The request was sent and may have been processed: that sending is possibly billed.
                    await PaidCalls.AttemptLostAsync(string.Create(CultureInfo.InvariantCulture, $"no answer within {attemptTimeout.TotalSeconds:0} s (attempt {attempt})"));
                    if (attempt > maxRetries)
                    {
                        throw new ProviderTransientException(string.Create(CultureInfo.InvariantCulture,
                            $"{provider} did not answer within {attemptTimeout.TotalSeconds:0} s ({attempt} attempts)."));
                    }

                    Logs.ProviderRetry(logger, provider, "timeout", attempt, 0);
                    continue;
                }
            }

            HttpStatusCode status = response.StatusCode;
            if ((int)status is >= 400 and < 500 && !IsRetryable(status))
            {
                string message = await ProviderErrorMessage.ReadAsync(response, cancellationToken);
                response.Dispose();
                throw new NonRetryableException(string.Create(CultureInfo.InvariantCulture,
                    $"{provider} rejected the request with {(int)status} {status}: {message}{SettingsHint(status, settingsSection)}"));
            }

            if (!IsRetryable(status))
            {
                return response;
            }

            if (attempt > maxRetries)
            {
                string message = await ProviderErrorMessage.ReadAsync(response, cancellationToken);
                TimeSpan asked = RateLimitSignal.AskedWait(response.Headers, DateTimeOffset.UtcNow) ?? RetryDelay(response.Headers, attempt);
                response.Dispose();
                if (status == HttpStatusCode.TooManyRequests)
                {
                    // Throttling delays the work, it must not drop it: the workflow waits on a durable timer and tries again.
                    throw new ProviderThrottledException(provider, asked, string.Create(CultureInfo.InvariantCulture, $"429 on all {attempt} attempts: {message}"));
                }

                throw new ProviderTransientException(string.Create(CultureInfo.InvariantCulture,
                    $"{provider} answered {(int)status} {status} on all {attempt} attempts: {message}"));
            }

            TimeSpan delay = RetryDelay(response.Headers, attempt);
            response.Dispose();
            Logs.ProviderRetry(logger, provider, ((int)status).ToString(CultureInfo.InvariantCulture), attempt, delay.TotalMilliseconds);
            // Nothing is in flight while we wait: a crash now must not leave the call listed as possibly billed.
            await PaidCalls.WaitUnsentAsync(string.Create(CultureInfo.InvariantCulture, $"{(int)status} from {provider}; sent again after {delay.TotalSeconds:0.#} s"), delay, TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>The settings to look at when the provider refuses who we are (401/403) or where we asked (404).</summary>
    public static string SettingsHint(HttpStatusCode status, string? section) => section is null ? "" : status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $" (check {section}:ApiKey, or without a key the managed identity's role on the resource, and {section}:Endpoint)",
        HttpStatusCode.NotFound => $" (check {section}:Endpoint and {section}:Deployment)",
        _ => "",
    };

    /// <summary>429, 408 and 5xx are worth repeating; every other 4xx (400, 401, 403, 404, 422...) is not.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>
    /// The provider's <c>retry-after-ms</c> (Azure OpenAI), <c>x-ms-retry-after-ms</c> or <c>Retry-After</c> (seconds or an HTTP date), else
    /// exponential 1 s, 2 s, 4 s...; never more than <see cref="MaxDelay"/>.
    /// </summary>
    public static TimeSpan RetryDelay(HttpResponseHeaders headers, int attempt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        TimeSpan? asked = RateLimitSignal.AskedWait(headers, DateTimeOffset.UtcNow);
        TimeSpan delay = asked is { } a && a >= TimeSpan.Zero ? a : TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
