using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Providers.Resilience;

/// <summary>
/// Outside the resilience pipeline: turns a call's last outcome into what the workflow decides on. A 4xx other than
/// 408/429 fails at once with <see cref="NonRetryableException"/> carrying the provider's message and the settings to
/// check; 429s past the retries become <see cref="ProviderThrottledException"/> (the workflow waits on a durable timer);
/// 5xx, timeouts and lost connections past the retries become <see cref="ProviderTransientException"/>, which the
/// workflow does not send again, so a call sends at most <see cref="ProviderCallPolicy.MaxRequests"/> requests and the
/// message says how many it sent.
/// </summary>
internal sealed class ProviderOutcomeHandler(ProviderCallPolicy policy) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var count = new RequestCount();
        request.Options.Set(RequestCount.Key, count);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
        {
            // The last request left and its answer did not come: it may have been processed, so it is possibly billed.
            await PaidCalls.AttemptLostAsync(ProviderRetryJournal.LostDetail(policy, count.Sent));
            throw new ProviderTransientException(string.Create(CultureInfo.InvariantCulture,
                $"{policy.Provider} did not answer within {policy.AttemptTimeout.TotalSeconds:0} s on {policy.RequestsSent(count.Sent)}."));
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            if (PaidCalls.Classify(e).State == PaidCallState.AnswerLost)
            {
                await PaidCalls.AttemptLostAsync(string.Create(CultureInfo.InvariantCulture, $"{e.Message} (request {count.Sent})"));
            }

            throw new ProviderTransientException(string.Create(CultureInfo.InvariantCulture,
                $"{policy.Provider} could not be reached on {policy.RequestsSent(count.Sent)}: {e.Message}"), e);
        }
        catch (BrokenCircuitException e)
        {
            throw ProviderResilience.CircuitOpen(policy.Provider, e);
        }

        HttpStatusCode status = response.StatusCode;
        if (!ProviderResilience.IsRetryable(status))
        {
            if ((int)status is >= 400 and < 500)
            {
                string refusal = await ProviderErrorMessage.ReadAsync(response, cancellationToken);
                response.Dispose();
                throw new NonRetryableException(string.Create(CultureInfo.InvariantCulture,
                    $"{policy.Provider} rejected the request with {(int)status} {status}: {refusal}{SettingsHint(status, policy.SettingsSection)}"));
            }

            return response;
        }

        string message = await ProviderErrorMessage.ReadAsync(response, cancellationToken);
        TimeSpan asked = RateLimitSignal.AskedWait(response.Headers, DateTimeOffset.UtcNow) ?? ProviderCallPolicy.FirstDelay;
        response.Dispose();
        if (status == HttpStatusCode.TooManyRequests)
        {
            // Throttling delays the work, it must not drop it: the workflow waits on a durable timer and tries again.
            throw new ProviderThrottledException(policy.Provider, asked, $"{policy.ThrottledOn(count.Sent)}: {message}");
        }

        throw new ProviderTransientException(string.Create(CultureInfo.InvariantCulture,
            $"{policy.Provider} answered {(int)status} {status} on {policy.RequestsSent(count.Sent)}: {message}"));
    }

    /// <summary>The settings to look at when the provider refuses who we are (401/403) or where we asked (404).</summary>
    public static string SettingsHint(HttpStatusCode status, string? section) => section is null ? "" : status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $" (check {section}:ApiKey, or without a key the managed identity's role on the resource, and {section}:Endpoint)",
        HttpStatusCode.NotFound => $" (check {section}:Endpoint and {section}:Deployment)",
        _ => "",
    };
}
