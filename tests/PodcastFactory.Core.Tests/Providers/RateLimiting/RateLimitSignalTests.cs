using System.Net;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Tests.Providers.RateLimiting;

public sealed class RateLimitSignalTests
{
    static readonly DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("6m0s", 360_000)]
    [InlineData("1.5s", 1500)]
    [InlineData("20ms", 20)]
    [InlineData("2", 2000)]
    [InlineData("1h2m", 3_720_000)]
    public void ParseDuration_ProviderFormats_AreRead(string text, double ms) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ms), RateLimitSignal.ParseDuration(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    [InlineData("")]
    public void ParseDuration_Unreadable_IsNull(string text) => Assert.Null(RateLimitSignal.ParseDuration(text));

    [Fact]
    public void From_ThrottledAnswer_ReadsEveryHeader()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("x-ms-retry-after-ms", "1200");
        response.Headers.Add("Retry-After", "9");
        response.Headers.Add("x-ratelimit-remaining-requests", "0");
        response.Headers.Add("x-ratelimit-reset-requests", "1s");
        response.Headers.Add("x-ratelimit-remaining-tokens", "500");
        response.Headers.Add("x-ratelimit-reset-tokens", "250ms");
        response.Headers.Add("x-ratelimit-limit-requests", "60");

        RateLimitSignal signal = RateLimitSignal.From(response, _now);

        Assert.Equal(new RateLimitSignal(true, false, TimeSpan.FromMilliseconds(1200), 60, 0, TimeSpan.FromSeconds(1), 500, TimeSpan.FromMilliseconds(250)), signal);
    }

    [Fact]
    public void AskedWait_RetryAfterDate_IsTheTimeUntilIt()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(_now.AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), RateLimitSignal.AskedWait(response.Headers, _now));
    }

    [Fact]
    public void TryParse_ThrottledMessage_GivesBackProviderAndWait()
    {
        var error = new ProviderThrottledException("azure-openai", TimeSpan.FromSeconds(42.5), "429");

        Assert.True(ProviderThrottledException.TryParse(error.Message, out string provider, out TimeSpan wait));
        Assert.Equal(("azure-openai", TimeSpan.FromMilliseconds(42_500)), (provider, wait));
    }
}
