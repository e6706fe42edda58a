using System.Globalization;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>
/// Sends every HTTP attempt of a provider client through its deployment's <see cref="ProviderRateLimiter"/> (inside
/// <c>ProviderRetryHandler</c>, so each resend waits its turn too). A call waiting for its turn is not in flight: a wait
/// longer than <see cref="Moment"/> is journaled as Waiting, so a crash then is not listed as possibly billed. A wait
/// longer than the limiter's MaxWait does not hold the thread: the attempt fails with <see cref="ProviderThrottledException"/>
/// and the workflow waits on a durable timer instead.
/// </summary>
public sealed class RateLimitHandler(ProviderRateLimiter limiter, string provider, TimeProvider time, ILogger logger) : DelegatingHandler
{
    /// <summary>Waits up to this long are not worth two journal writes.</summary>
    public static readonly TimeSpan Moment = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeSpan maxWait = limiter.Settings.MaxWait;
        // Book the turn first: callers told to come back later leave no gap in the pace, the ones in line fill it.
        TimeSpan wait = limiter.Reserve(EstimatedTokens(request), out bool booked);
        if (!booked)
        {
            throw Throttled(wait, "its pace is booked that far ahead");
        }

        DateTimeOffset turn = time.GetUtcNow() + wait;
        bool entered;
        try
        {
            entered = await limiter.EnterAsync(maxWait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The attempt's timeout ran out while it waited for a slot: it was never sent, so it is throttled (retried,
            // not billed), not an answer lost.
            throw Throttled(maxWait, "no concurrent slot before the attempt's timeout");
        }

        if (!entered)
        {
            throw Throttled(maxWait, "every concurrent slot stayed busy");
        }

        RateLimitSignal signal = RateLimitSignal.None;
        bool sent = false;
        try
        {
            try
            {
                TimeSpan left = turn - time.GetUtcNow();
                if (left > TimeSpan.Zero)
                {
                    await WaitTurnAsync(left, cancellationToken);
                }

                for (TimeSpan more = limiter.Sending(); more > TimeSpan.Zero; more = limiter.Sending())
                {
                    await Task.Delay(more, time, cancellationToken);
                }

                // A turn that comes as the attempt's timeout runs out (the slot freed by a call timing out at the same
                // moment) is not taken: nothing has left yet.
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                throw Throttled(turn - time.GetUtcNow(), "its turn came after the attempt's timeout");
            }

            sent = true;
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            signal = RateLimitSignal.From(response, time.GetUtcNow());
            if (signal.Throttled)
            {
                Logs.RateLimitThrottled(logger, limiter.Name, (signal.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds, limiter.ConcurrencyLimit);
                if (signal.RetryAfter is { } asked && asked > maxWait)
                {
                    response.Dispose();
                    throw Throttled(asked, "429 with Retry-After");
                }
            }

            return response;
        }
        finally
        {
            limiter.Exit(signal, sent);
        }
    }

    async Task WaitTurnAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait < Moment)
        {
            await Task.Delay(wait, time, cancellationToken);
            return;
        }

        Logs.RateLimitWait(logger, limiter.Name, wait.TotalMilliseconds);
        await PaidCalls.WaitUnsentAsync(string.Create(CultureInfo.InvariantCulture, $"waiting {wait.TotalSeconds:0.#} s for {provider}'s rate limit"), wait, time, cancellationToken);
    }

    ProviderThrottledException Throttled(TimeSpan wait, string reason)
    {
        Logs.RateLimitTooLong(logger, limiter.Name, wait.TotalMilliseconds, limiter.Settings.MaxWait.TotalMilliseconds);
        return new ProviderThrottledException(provider, wait, reason);
    }

    /// <summary>About four bytes a token: what a token limit is charged before the answer says more (0 when not paced by tokens).</summary>
    long EstimatedTokens(HttpRequestMessage request) =>
        limiter.Settings.TokensPerMinute is null ? 0 : (request.Content?.Headers.ContentLength ?? 0) / 4;
}
