using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Providers.Resilience;

/// <summary>
/// The one place where a provider client's resilience is configured (Microsoft.Extensions.Http.Resilience over Polly),
/// outermost first: a total timeout (<see cref="ProviderCallPolicy.CallBudget"/>); the retry (jittered exponential
/// backoff, or exactly what <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c> / <c>Retry-After</c> asks, capped at
/// <see cref="ProviderCallPolicy.MaxDelay"/>); a circuit breaker per client, so a provider that is down is not hammered
/// by every episode; the wait for the deployment's rate-limit turn; and, innermost, the attempt timeout, which therefore
/// starts only when the request leaves. Outside it all, <see cref="ProviderOutcomeHandler"/> turns the last outcome into
/// the exceptions the workflow decides on.
/// </summary>
public static class ProviderResilience
{
    /// <summary>Share of failed requests (5xx, timeouts, lost connections) in <see cref="SamplingWindow"/> that opens the circuit.</summary>
    public const double FailureRatio = 0.5;

    /// <summary>Fewest requests in the window before the circuit may open (a single failure never opens it).</summary>
    public const int MinimumThroughput = 8;

    /// <summary>Window the breaker counts failures in.</summary>
    public static readonly TimeSpan SamplingWindow = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls without sending them; callers are told to come back after it.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>Adds the outcome handler and the resilience pipeline of <paramref name="policy"/> to a provider client.</summary>
    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder builder, ProviderCallPolicy policy, string limiterKey, RateLimitSettings limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        builder.AddHttpMessageHandler(() => new ProviderOutcomeHandler(policy));
        builder.AddResilienceHandler("provider", (pipeline, context) =>
        {
            ILogger logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderResilience));
            TimeProvider time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            ProviderRateLimiter limiter = context.ServiceProvider.GetRequiredService<ProviderRateLimiters>().Get(limiterKey, limits);
            pipeline
                .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = policy.CallBudget })
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, policy.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = ProviderCallPolicy.FirstDelay,
                    MaxDelay = ProviderCallPolicy.MaxDelay,
                    ShouldRetryAfterHeader = false,
                    // MaxRetries 0 must send once: the strategy needs at least one retry, so the predicate refuses it.
                    ShouldHandle = args => ValueTask.FromResult(policy.MaxRetries > 0 && IsTransient(args.Outcome)),
                    DelayGenerator = args => ValueTask.FromResult(AskedDelay(args.Outcome, time)),
                    OnRetry = args => ProviderRetryJournal.OnRetryAsync(args, policy, logger),
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = FailureRatio,
                    MinimumThroughput = MinimumThroughput,
                    SamplingDuration = SamplingWindow,
                    BreakDuration = BreakDuration,
                    // 429s are the limiter's to pace, not a sign the provider is down.
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
                    OnOpened = args =>
                    {
                        Logs.ProviderCircuitOpened(logger, policy.Provider, args.BreakDuration.TotalSeconds);
                        return ValueTask.CompletedTask;
                    },
                })
                .AddStrategy(_ => new RateLimitTurnStrategy(limiter, policy.Provider, time, logger))
                .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = policy.AttemptTimeout });
        });
        return builder;
    }

    /// <summary>429, 408 and 5xx are worth repeating; every other 4xx (400, 401, 403, 404, 422...) is not.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>
    /// What the retry sends again: a retryable status, an attempt that timed out, a connection that failed. Never a
    /// throttled call (the workflow waits for it durably), an open circuit or a cancellation.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsRetryable(response.StatusCode),
        TimeoutRejectedException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>The wait the provider asked for, capped at <see cref="ProviderCallPolicy.MaxDelay"/>; null: the jittered backoff.</summary>
    static TimeSpan? AskedDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { } response && RateLimitSignal.AskedWait(response.Headers, time.GetUtcNow()) is { } asked
            ? (asked > ProviderCallPolicy.MaxDelay ? ProviderCallPolicy.MaxDelay : asked)
            : null;

    /// <summary>The exception an open circuit raised, as the workflow reads it: throttled for the break, nothing sent.</summary>
    internal static ProviderThrottledException CircuitOpen(string provider, BrokenCircuitException open) =>
        new(provider, BreakDuration, $"its circuit is open after repeated failures ({open.Message})");
}
