using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Providers.Resilience;

namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>
/// The step of a provider client's resilience pipeline that waits for the deployment's <see cref="ProviderRateLimiter"/>:
/// inside the retry (each resend waits its turn too) and outside the attempt timeout, so a call waiting for its turn is
/// never timed out as "possibly billed" (issue 22: with the wait inside the timeout, a turn that came as the timeout ran
/// out was sent and lost at once). A wait longer than <see cref="Moment"/> is journaled as waiting; a wait longer than
/// the limiter's MaxWait does not hold the thread: the attempt fails with <see cref="ProviderThrottledException"/> and
/// the workflow waits on a durable timer instead.
/// </summary>
public sealed class RateLimitTurnStrategy(ProviderRateLimiter limiter, string provider, TimeProvider time, ILogger logger)
    : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>Waits up to this long are not worth two journal writes.</summary>
    public static readonly TimeSpan Moment = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(context);
        HttpRequestMessage? request = context.GetRequestMessage();
        CancellationToken cancellationToken = context.CancellationToken;
        TimeSpan maxWait = limiter.Settings.MaxWait;

        // Book the turn first: callers told to come back later leave no gap in the pace, the ones in line fill it.
        TimeSpan wait = limiter.Reserve(EstimatedTokens(request), out bool booked);
        if (!booked)
        {
            return Throttled(wait, "its pace is booked that far ahead");
        }

        DateTimeOffset turn = time.GetUtcNow() + wait;
        if (!await limiter.EnterAsync(maxWait, cancellationToken))
        {
            return Throttled(maxWait, "every concurrent slot stayed busy");
        }

        RateLimitSignal signal = RateLimitSignal.None;
        bool sent = false;
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

            sent = true;
            RequestCount.Of(request)?.Add();
            await PaidCalls.SendingAsync();
            Outcome<HttpResponseMessage> outcome = await callback(context, state);
            if (outcome.Result is not { } response)
            {
                return outcome;
            }

            signal = RateLimitSignal.From(response, time.GetUtcNow());
            if (signal.Throttled)
            {
                Logs.RateLimitThrottled(logger, limiter.Name, (signal.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds, limiter.ConcurrencyLimit);
                if (signal.RetryAfter is { } asked && asked > maxWait)
                {
                    response.Dispose();
                    return Throttled(asked, "429 with Retry-After");
                }
            }

            return outcome;
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

    Outcome<HttpResponseMessage> Throttled(TimeSpan wait, string reason)
    {
        Logs.RateLimitTooLong(logger, limiter.Name, wait.TotalMilliseconds, limiter.Settings.MaxWait.TotalMilliseconds);
        return Outcome.FromException<HttpResponseMessage>(new ProviderThrottledException(provider, wait, reason));
    }

    /// <summary>About four bytes a token: what a token limit is charged before the answer says more (0 when not paced by tokens).</summary>
    long EstimatedTokens(HttpRequestMessage? request) =>
        limiter.Settings.TokensPerMinute is null ? 0 : (request?.Content?.Headers.ContentLength ?? 0) / 4;
}
