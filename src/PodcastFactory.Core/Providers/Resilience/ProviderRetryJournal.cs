using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly.Retry;
using Polly.Timeout;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Providers.Resilience;

/// <summary>
/// What the cost journal learns when the retry pipeline sends a call again: a request that timed out or lost its
/// connection after leaving may have been billed, so it is listed as a lost answer; then, whatever the cause, the call
/// is journaled as waiting (nothing in flight during the backoff, so a crash then bills nothing) until its next request
/// leaves and journals its intent again (<see cref="PaidCalls.SendingAsync"/>).
/// </summary>
internal static class ProviderRetryJournal
{
    public static async ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> retry, ProviderCallPolicy policy, ILogger logger)
    {
        int request = retry.AttemptNumber + 1;
        string reason;
        switch (retry.Outcome.Exception)
        {
            case TimeoutRejectedException:
                reason = "timeout";
                await PaidCalls.AttemptLostAsync(LostDetail(policy, request));
                break;
            case HttpRequestException e:
                reason = e.HttpRequestError.ToString();
                if (PaidCalls.Classify(e).State == PaidCallState.AnswerLost)
                {
                    await PaidCalls.AttemptLostAsync(string.Create(CultureInfo.InvariantCulture, $"{e.Message} (request {request})"));
                }

                break;
            default:
                reason = retry.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : "failure";
                break;
        }

        Logs.ProviderRetry(logger, policy.Provider, reason, request, retry.RetryDelay.TotalMilliseconds);
        await PaidCalls.WaitingAsync(string.Create(CultureInfo.InvariantCulture,
            $"{reason} from {policy.Provider}; sent again after {retry.RetryDelay.TotalSeconds:0.#} s"));
    }

    /// <summary>The journal's reason for a request whose answer did not come within the attempt timeout.</summary>
    public static string LostDetail(ProviderCallPolicy policy, int request) =>
        string.Create(CultureInfo.InvariantCulture, $"no answer within {policy.AttemptTimeout.TotalSeconds:0} s (request {request})");
}
