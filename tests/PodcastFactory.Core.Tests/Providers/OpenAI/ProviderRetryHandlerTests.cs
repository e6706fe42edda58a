using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

public sealed class ProviderRetryHandlerTests
{
    [Fact]
    public void RetryDelay_RetryAfterMsHeader_WinsOverRetryAfter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("retry-after-ms", "250");
        response.Headers.Add("Retry-After", "20");

        Assert.Equal(TimeSpan.FromMilliseconds(250), ProviderRetryHandler.RetryDelay(response.Headers, attempt: 1));
    }

    [Fact]
    public void RetryDelay_LongRetryAfter_IsCapped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "600");

        Assert.Equal(ProviderRetryHandler.MaxDelay, ProviderRetryHandler.RetryDelay(response.Headers, attempt: 1));
    }

    [Fact]
    public void RetryDelay_NoHeader_BacksOffExponentially()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(4), ProviderRetryHandler.RetryDelay(response.Headers, attempt: 3));
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTimesOut_ThrowsTransientAfterOnePlusMaxRetries()
    {
        var inner = new StubHandler(async ct => { await Task.Delay(TimeSpan.FromSeconds(10), ct); return new HttpResponseMessage(HttpStatusCode.OK); });
        using var client = new HttpClient(new ProviderRetryHandler("test", maxRetries: 1, TimeSpan.FromMilliseconds(100), NullLogger.Instance) { InnerHandler = inner });

        ProviderTransientException error = await Assert.ThrowsAsync<ProviderTransientException>(() => client.GetAsync(new Uri("http://localhost/")));

        Assert.Equal(2, inner.Calls);
        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task SendAsync_ClientError_ThrowsNonRetryableAfterOneCall(HttpStatusCode status)
    {
        var inner = new StubHandler(_ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("""{"error":{"message":"Invalid value for 'voice'."}}""") }));
        using var client = new HttpClient(new ProviderRetryHandler("test", maxRetries: 3, TimeSpan.FromSeconds(5), NullLogger.Instance) { InnerHandler = inner });

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(() => client.GetAsync(new Uri("http://localhost/")));

        Assert.Equal(1, inner.Calls);
        Assert.Contains("Invalid value for 'voice'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_429OnEveryAttempt_ThrowsThrottledWithTheAskedWait()
    {
        var inner = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
            response.Headers.Add("retry-after-ms", "45000");
            return Task.FromResult(response);
        });
        using var client = new HttpClient(new ProviderRetryHandler("test", maxRetries: 0, TimeSpan.FromSeconds(5), NullLogger.Instance) { InnerHandler = inner });

        ProviderThrottledException error = await Assert.ThrowsAsync<ProviderThrottledException>(() => client.GetAsync(new Uri("http://localhost/")));

        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Equal(1, inner.Calls);
    }

    sealed class StubHandler(Func<CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return respond(cancellationToken);
        }
    }
}
