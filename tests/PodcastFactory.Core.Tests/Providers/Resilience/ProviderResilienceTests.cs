using System.Net;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Providers.Resilience;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Providers.Resilience;

/// <summary>
/// A provider client's resilience pipeline (retry, circuit breaker, rate-limit turn, attempt timeout) against a local
/// server speaking the OpenAI wire format, with the cost journal watching every request.
/// </summary>
public sealed class ProviderResilienceTests
{
    const string Client = "resilience-test";
    static readonly FakeReply _overloaded = new(503, RetryAfter: "0", ErrorMessage: "The engine is currently overloaded.");

    [Fact]
    public async Task SendAsync_503OnEveryRequest_SendsOnePlusMaxRetriesAndTheMessageSaysSo()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(_overloaded, _overloaded, _overloaded, _overloaded);
        using ServiceProvider services = Services(server, maxRetries: 2);

        ProviderTransientException error = await Assert.ThrowsAsync<ProviderTransientException>(() => SendAsync(services, server));

        Assert.Equal(3, server.ChatRequests.Count());
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("all 3 requests of the call", error.Message, StringComparison.Ordinal);
        Assert.Contains("overloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextStep_429OnEveryRequestThroughTheWorkflowsRetries_SendsTheBoundItsMessageStates()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        // A short asked wait, so the pipeline sends again at once; the provider never stops throttling.
        server.Responder = (_, _) => new FakeReply(429, ErrorMessage: "Rate limit is exceeded.", Headers: new Dictionary<string, string> { ["retry-after-ms"] = "1" });
        using ServiceProvider services = Services(server, maxRetries: 2, stepAttempts: RetryPolicies.Llm.MaxNumberOfAttempts);

        // The workflow's side: the step runs again as long as the text policy's rule (IsRetryable) takes its failure for retryable.
        int attempts = 0;
        ProviderThrottledException error;
        do
        {
            attempts++;
            error = await Assert.ThrowsAsync<ProviderThrottledException>(() => SendAsync(services, server));
        }
        while (attempts < RetryPolicies.Llm.MaxNumberOfAttempts
            && RetryPolicies.IsRetryable(new TaskFailureDetails(typeof(ProviderThrottledException).FullName!, error.Message, null, null, null)));

        Assert.Equal(3, attempts);
        Assert.Equal(9, server.ChatRequests.Count());
        Assert.Contains("429 on all 3 requests of the call (1 + TextModel:MaxRetries 2); the workflow runs the step at most 3 times, so at most 9 requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EveryRequestTimesOut_ListsEachSendingAsLostAndThrowsTransient()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat("{}") with { DelayMs = 2500 }, FakeReply.Chat("{}") with { DelayMs = 2500 });
        using ServiceProvider services = Services(server, maxRetries: 1, timeoutSeconds: 1);
        var sink = new RecordingSink();

        ProviderTransientException error;
        using (PaidCalls.RecordTo(sink))
        {
            error = await Assert.ThrowsAsync<ProviderTransientException>(() => CallAsync(services, server));
        }

        Assert.Equal(2, server.ChatRequests.Count());
        Assert.Equal(["no answer within 1 s (request 1)", "no answer within 1 s (request 2)"], sink.Lost);
        Assert.Contains("did not answer within 1 s on all 2 requests", error.Message, StringComparison.Ordinal);
        // The call itself is not billed: its two sendings are listed apart, each as possibly billed.
        Assert.Equal("1:NotBilled", sink.States[^1]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task SendAsync_ClientError_ThrowsNonRetryableAfterOneRequest(int status)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Error(status, "Invalid value for 'voice'."));
        using ServiceProvider services = Services(server, maxRetries: 3);

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(() => SendAsync(services, server));

        Assert.Single(server.ChatRequests);
        Assert.Contains("Invalid value for 'voice'.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retry-after-ms", "1500", "sent again after 1.5 s")]
    [InlineData("x-ms-retry-after-ms", "1200", "sent again after 1.2 s")]
    [InlineData("Retry-After", "2", "sent again after 2 s")]
    public async Task SendAsync_429AskingAWait_WaitsExactlyWhatTheProviderAskedJournaledAsWaiting(string header, string value, string detail)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(new FakeReply(429, ErrorMessage: "Rate limit is exceeded.", Headers: new Dictionary<string, string> { [header] = value }));
        server.Responder = (_, _) => FakeReply.Chat("{}");
        using ServiceProvider services = Services(server, maxRetries: 2);
        var sink = new RecordingSink();

        using (PaidCalls.RecordTo(sink))
        {
            await CallAsync(services, server);
        }

        Assert.Equal(2, server.ChatRequests.Count());
        Assert.Equal(["1:Waiting", "1:Intent", "1:Answered"], sink.States);
        Assert.Contains(detail, sink.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_429AskingLongerThanMaxWait_ThrowsThrottledWithTheAskedWaitAfterOneRequest()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(new FakeReply(429, ErrorMessage: "Rate limit is exceeded.", Headers: new Dictionary<string, string> { ["retry-after-ms"] = "45000" }));
        using ServiceProvider services = Services(server, maxRetries: 2);

        ProviderThrottledException error = await Assert.ThrowsAsync<ProviderThrottledException>(() => SendAsync(services, server));

        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task SendAsync_ProviderKeepsFailing_CircuitOpensAndTheNextCallIsThrottledWithoutBeingSent()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = (_, _) => _overloaded;
        using ServiceProvider services = Services(server, maxRetries: 0);
        for (int i = 0; i < ProviderResilience.MinimumThroughput; i++)
        {
            await Assert.ThrowsAsync<ProviderTransientException>(() => SendAsync(services, server));
        }

        ProviderThrottledException open = await Assert.ThrowsAsync<ProviderThrottledException>(() => SendAsync(services, server));

        Assert.Equal(ProviderResilience.MinimumThroughput, server.ChatRequests.Count());
        Assert.Equal(ProviderResilience.BreakDuration, open.RetryAfter);
        Assert.Contains("circuit is open", open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TurnWaitLongerThanTheAttemptTimeout_IsSentWithItsWholeTimeoutAndAnswered()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = (_, _) => FakeReply.Chat("{}");
        // 30 requests/min at 90 % headroom: the second call waits about 2.2 s for its turn, longer than a 1 s attempt.
        using ServiceProvider services = Services(server, maxRetries: 0, timeoutSeconds: 1, new RateLimitSettings(30, null, TimeSpan.FromSeconds(10)));
        var sink = new RecordingSink();

        using (PaidCalls.RecordTo(sink))
        {
            await CallAsync(services, server);
            await CallAsync(services, server);
        }

        Assert.Equal(2, server.ChatRequests.Count());
        Assert.Empty(sink.Lost);
        Assert.Equal(["1:Answered", "2:Waiting", "2:Intent", "2:Answered"], sink.States);
    }

    [Fact]
    public async Task SendAsync_UnknownLimitFirstCallSlow_SecondCallWaitsForTheProbeOutsideItsTimeoutAndNothingIsLost()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        // The first call probes the unknown limit alone and takes 1.8 s of its 2 s; the second waits for its slot meanwhile.
        server.Enqueue(FakeReply.Chat("{}") with { DelayMs = 1800 });
        server.Responder = (_, _) => FakeReply.Chat("{}");
        using ServiceProvider services = Services(server, maxRetries: 0, timeoutSeconds: 2, RateLimitSettings.Learned);
        var sink = new RecordingSink();

        using (PaidCalls.RecordTo(sink))
        {
            Task first = CallAsync(services, server);
            while (server.ChatRequests.Count() == 0)
            {
                await Task.Delay(10);
            }

            await Task.WhenAll(first, CallAsync(services, server));
        }

        Assert.Equal(2, server.ChatRequests.Count());
        Assert.Empty(sink.Lost);
        Assert.Equal(2, sink.States.Count(s => s.EndsWith(":Answered", StringComparison.Ordinal)));
    }

    [Fact]
    public void CallBudget_CoversEveryRequestItsTurnAndEveryBackoff()
    {
        var policy = new ProviderCallPolicy("p", MaxRetries: 2, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(10), "TextModel");

        Assert.Equal(3, policy.MaxRequests);
        Assert.Equal(TimeSpan.FromSeconds((3 * 130) + (2 * 30)), policy.CallBudget);
    }

    static ServiceProvider Services(FakeOpenAIServer server, int maxRetries, int timeoutSeconds = 30, RateLimitSettings? limits = null, int stepAttempts = 1)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLimitedHttpClient(Client, "test-provider", maxRetries, timeoutSeconds,
            ProviderRateLimiters.Key("test-provider", server.BaseUrl, "d"), limits ?? new RateLimitSettings(6000, null, TimeSpan.FromSeconds(5)), "TextModel", stepAttempts);
        return services.BuildServiceProvider();
    }

    static async Task SendAsync(ServiceProvider services, FakeOpenAIServer server)
    {
        HttpClient http = services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.OpenAIBaseUrl, "chat/completions"))
        {
            Content = new StringContent("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"""),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeOpenAIServer.Key);
        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static Task CallAsync(ServiceProvider services, FakeOpenAIServer server) =>
        PaidCalls.CallAsync(new PaidCallInfo("agent", "test-provider", null, "tokens", 0.01m),
            async () => { await SendAsync(services, server); return true; },
            (_, _) => new AgentUsage("agent", "test-provider", null, 0, 0, "tokens", 1, 0.01m));

    sealed class RecordingSink : IPaidCallSink
    {
        int _seq;

        public List<string> States { get; } = [];

        public List<string> Details { get; } = [];

        public List<string> Lost { get; } = [];

        public Task<int> BeginAsync(PaidCallInfo call) => Task.FromResult(Interlocked.Increment(ref _seq));

        public Task ResolveAsync(int seq, PaidCallState state, AgentUsage? usage, double durationMs, string? detail)
        {
            lock (States)
            {
                States.Add($"{seq}:{state}");
                Details.Add(detail ?? "");
            }

            return Task.CompletedTask;
        }

        public Task LostAsync(PaidCallInfo call, string detail)
        {
            lock (Lost)
            {
                Lost.Add(detail);
            }

            return Task.CompletedTask;
        }
    }
}
