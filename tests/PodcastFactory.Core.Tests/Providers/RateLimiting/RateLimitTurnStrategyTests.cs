using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Providers.RateLimiting;

/// <summary>The provider clients' resilience pipeline (retry, then the shared limiter's turn) against a provider enforcing a sliding-window quota.</summary>
public sealed class RateLimitTurnStrategyTests
{
    const string Client = "rate-limit-test";

    [Theory]
    [InlineData(600)]
    [InlineData(null)]
    public async Task SendAsync_ConcurrentCallersConfiguredOrLearningTheLimit_AllSucceedWithAtMostTwoPercentThrottled(int? requestsPerMinute)
    {
        // 600 requests/min as a provider counts them: at most 20 in any 2 s. Unset, the limiter learns it from the headers.
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(limit: 20, TimeSpan.FromSeconds(2));
        using ServiceProvider services = Services(server, new RateLimitSettings(requestsPerMinute, null, TimeSpan.FromSeconds(10)));

        int failures = await SendConcurrentlyAsync(services, callers: 8, callsEach: 10, server.BaseUrl);

        Assert.Equal(0, failures);
        Assert.Equal(80, server.Accepted);
        Assert.True(server.Throttled <= 80 * 0.02, $"{server.Throttled} of {server.Accepted + server.Throttled} requests were 429s");
    }

    [Fact]
    public async Task SendAsync_QuotaSpentForLongerThanMaxWait_FailsThrottledWithoutSending()
    {
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(limit: 1, TimeSpan.FromMinutes(1));
        using ServiceProvider services = Services(server, new RateLimitSettings(null, null, TimeSpan.FromSeconds(5)));
        HttpClient http = services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
        (await http.PostAsync(server.BaseUrl, new StringContent("{}"))).EnsureSuccessStatusCode();

        ProviderThrottledException error = await Assert.ThrowsAsync<ProviderThrottledException>(() => http.PostAsync(server.BaseUrl, new StringContent("{}")));

        Assert.Equal(0, server.Throttled);
        Assert.InRange(error.RetryAfter, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.True(ProviderThrottledException.TryParse(error.Message, out string provider, out _));
        Assert.Equal("test-provider", provider);
    }

    [Fact]
    public async Task SendAsync_WaitLongerThanAMoment_IsJournaledAsWaitingThenSentAgain()
    {
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(limit: 100, TimeSpan.FromSeconds(1));
        // 40 requests/min: the second call waits about 1.6 s for its turn.
        using ServiceProvider services = Services(server, new RateLimitSettings(40, null, TimeSpan.FromSeconds(10)));
        HttpClient http = services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
        var sink = new RecordingSink();
        using (PaidCalls.RecordTo(sink))
        {
            for (int i = 0; i < 2; i++)
            {
                await PaidCalls.CallAsync(new PaidCallInfo("agent", "test-provider", null, "requests", 0.01m),
                    () => http.PostAsync(server.BaseUrl, new StringContent("{}")), (_, _) => new AgentUsage("agent", "test-provider", null, 0, 0, "requests", 1, 0m));
            }
        }

        Assert.Equal(["1:Answered", "2:Waiting", "2:Intent", "2:Answered"], sink.States);
    }

    static ServiceProvider Services(RateLimitedServer server, RateLimitSettings limits)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLimitedHttpClient(Client, "test-provider", maxRetries: 3, timeoutSeconds: 30,
            ProviderRateLimiters.Key("test-provider", server.BaseUrl, "d"), limits);
        return services.BuildServiceProvider();
    }

    static async Task<int> SendConcurrentlyAsync(ServiceProvider services, int callers, int callsEach, Uri url)
    {
        HttpClient http = services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
        int failures = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            for (int i = 0; i < callsEach; i++)
            {
                using HttpResponseMessage response = await http.PostAsync(url, new StringContent("""{"input":"x"}"""));
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return failures;
    }

    sealed class RecordingSink : IPaidCallSink
    {
        int _seq;

        public List<string> States { get; } = [];

        public Task<int> BeginAsync(PaidCallInfo call) => Task.FromResult(++_seq);

        public Task ResolveAsync(int seq, PaidCallState state, AgentUsage? usage, double durationMs, string? detail)
        {
            States.Add($"{seq}:{state}");
            return Task.CompletedTask;
        }

        public Task LostAsync(PaidCallInfo call, string detail) => Task.CompletedTask;
    }
}
