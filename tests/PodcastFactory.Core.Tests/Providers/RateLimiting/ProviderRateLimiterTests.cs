using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Tests.Fakes;

namespace PodcastFactory.Core.Tests.Providers.RateLimiting;

public sealed class ProviderRateLimiterTests
{
    readonly ManualTime _time = new();

    [Fact]
    public void Reserve_ConfiguredRequestsPerMinute_SpacesStartsJustUnderTheLimit()
    {
        ProviderRateLimiter limiter = Limiter(new RateLimitSettings(60, null, TimeSpan.FromSeconds(10)));

        TimeSpan[] waits = [limiter.Reserve(0, out _), limiter.Reserve(0, out _), limiter.Reserve(0, out _)];

        TimeSpan spacing = TimeSpan.FromMinutes(1 / (60 * ProviderRateLimiter.Headroom));
        Assert.Equal([TimeSpan.Zero, spacing, spacing * 2], waits);
    }

    [Fact]
    public void Reserve_TurnFurtherThanMaxWait_BooksNothing()
    {
        ProviderRateLimiter limiter = Limiter(new RateLimitSettings(6, null, TimeSpan.FromSeconds(5)));
        limiter.Reserve(0, out _);

        TimeSpan wait = limiter.Reserve(0, out bool booked);
        limiter.Reserve(0, out bool bookedAgain);

        Assert.False(booked);
        Assert.False(bookedAgain);
        Assert.True(wait > TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Reserve_ConfiguredTokensPerMinute_PacesByTheRequestsTokens()
    {
        ProviderRateLimiter limiter = Limiter(new RateLimitSettings(null, 6000, TimeSpan.FromSeconds(30)));
        limiter.Reserve(1000, out _);

        TimeSpan wait = limiter.Reserve(1000, out _);

        Assert.Equal(TimeSpan.FromMinutes(1000 / (6000 * ProviderRateLimiter.Headroom)), wait);
    }

    [Fact]
    public void Exit_RemainingRequestsHeaders_LowerThePace()
    {
        ProviderRateLimiter limiter = Limiter(RateLimitSettings.Learned);
        Assert.Equal(TimeSpan.Zero, limiter.RequestSpacing);

        limiter.Exit(new RateLimitSignal(false, true, RemainingRequests: 3, ResetRequests: TimeSpan.FromSeconds(8)));

        TimeSpan spacing = TimeSpan.FromSeconds(2 / ProviderRateLimiter.Headroom);
        Assert.Equal(spacing.TotalMilliseconds, limiter.RequestSpacing.TotalMilliseconds, precision: 3);
        limiter.Reserve(0, out _);
        Assert.Equal(spacing.TotalMilliseconds, limiter.Reserve(0, out _).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void Exit_NoRequestsLeft_BlocksEveryCallerUntilTheReset()
    {
        ProviderRateLimiter limiter = Limiter(RateLimitSettings.Learned);

        limiter.Exit(new RateLimitSignal(false, true, RemainingRequests: 0, ResetRequests: TimeSpan.FromSeconds(4)));

        Assert.Equal(TimeSpan.FromSeconds(4), limiter.Reserve(0, out _));
    }

    [Fact]
    public void Exit_NoTokensLeft_BlocksUntilTheTokenReset()
    {
        ProviderRateLimiter limiter = Limiter(RateLimitSettings.Learned);

        limiter.Exit(new RateLimitSignal(false, true, RemainingTokens: 0, ResetTokens: TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.Reserve(0, out _));
    }

    [Fact]
    public void Exit_Throttled_HalvesConcurrencyAndWaitsTheRetryAfter()
    {
        ProviderRateLimiter limiter = Limiter(RateLimitSettings.Learned);

        limiter.Exit(new RateLimitSignal(true, false, RetryAfter: TimeSpan.FromSeconds(6)));

        Assert.Equal(ProviderRateLimiter.InitialConcurrency / 2.0, limiter.ConcurrencyLimit);
        Assert.Equal(TimeSpan.FromSeconds(6), limiter.Reserve(0, out _));
    }

    [Fact]
    public void Exit_Successes_IncreaseConcurrencyAdditivelyUpToTheCeiling()
    {
        ProviderRateLimiter limiter = Limiter(new RateLimitSettings(null, null, TimeSpan.FromSeconds(10), MaxConcurrency: 6));

        limiter.Exit(new RateLimitSignal(false, true));
        double afterOne = limiter.ConcurrencyLimit;
        for (int i = 0; i < 100; i++)
        {
            limiter.Exit(new RateLimitSignal(false, true));
        }

        Assert.Equal(ProviderRateLimiter.InitialConcurrency + 0.25, afterOne, precision: 6);
        Assert.Equal(6, limiter.ConcurrencyLimit);
    }

    [Fact]
    public void Exit_ManyThrottles_NeverBelowOneCallInFlight()
    {
        ProviderRateLimiter limiter = Limiter(RateLimitSettings.Learned);

        for (int i = 0; i < 10; i++)
        {
            limiter.Exit(new RateLimitSignal(true, false));
        }

        Assert.Equal(1, limiter.ConcurrencyLimit);
    }

    [Fact]
    public async Task EnterAsync_AllSlotsBusy_WaitsForAnExit()
    {
        ProviderRateLimiter limiter = Limiter(new RateLimitSettings(null, null, TimeSpan.FromSeconds(10), MaxConcurrency: 1));
        Assert.True(await limiter.EnterAsync(TimeSpan.FromSeconds(10), CancellationToken.None));

        Task<bool> second = limiter.EnterAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.False(second.IsCompleted);
        limiter.Exit(new RateLimitSignal(false, true));

        Assert.True(await second);
    }

    [Fact]
    public async Task EnterAsync_NoSlotInTime_ReturnsFalseAndLeavesNoWaiterBehind()
    {
        ProviderRateLimiter limiter = Limiter(new RateLimitSettings(null, null, TimeSpan.FromSeconds(10), MaxConcurrency: 1));
        Assert.True(await limiter.EnterAsync(TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.False(await limiter.EnterAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        limiter.Exit(new RateLimitSignal(false, true));

        Assert.True(limiter.EnterAsync(TimeSpan.FromSeconds(10), CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task EnterAsync_NothingKnownYet_LetsOneCallProbeAlone()
    {
        ProviderRateLimiter limiter = Limiter(RateLimitSettings.Learned);
        Assert.True(await limiter.EnterAsync(TimeSpan.FromSeconds(10), CancellationToken.None));

        Task<bool> second = limiter.EnterAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.False(second.IsCompleted);
        limiter.Exit(new RateLimitSignal(false, true, RemainingRequests: 19, ResetRequests: TimeSpan.FromSeconds(2)));

        Assert.True(await second);
        Assert.True(await limiter.EnterAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public void Get_SameDeployment_IsOneLimiterForEveryCaller()
    {
        var limiters = new ProviderRateLimiters(_time);
        string key = ProviderRateLimiters.Key("AzureOpenAI", new Uri("https://r.openai.azure.com/"), "tts");

        ProviderRateLimiter first = limiters.Get(key, RateLimitSettings.Learned);

        Assert.Same(first, limiters.Get(ProviderRateLimiters.Key("AzureOpenAI", new Uri("https://r.openai.azure.com"), "tts"), RateLimitSettings.Learned));
        Assert.NotSame(first, limiters.Get(ProviderRateLimiters.Key("AzureOpenAI", new Uri("https://r.openai.azure.com/"), "gpt-4o"), RateLimitSettings.Learned));
    }

    ProviderRateLimiter Limiter(RateLimitSettings settings) => new("test", settings, _time);
}
