using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Tests.Diagnostics;
using PodcastFactory.Core.Tests.TestServers;
using A = PodcastFactory.Core.Diagnostics.PodcastTelemetry.Attributes;

namespace PodcastFactory.Core.Tests.Providers;

public sealed class ProviderMetricsHandlerTests
{
    [Fact]
    public async Task SendAsync_OverTheServersLimit_MeasuresEveryAttemptByStatusAndCounts429s()
    {
        const string provider = "metrics-handler-test";
        using var recorder = new MeasurementRecorder(A.Provider, provider);
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(limit: 1, window: TimeSpan.FromMinutes(5));
        using var http = new HttpClient(new ProviderMetricsHandler(provider) { InnerHandler = new SocketsHttpHandler { UseProxy = false } });

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await http.PostAsync(server.BaseUrl, new StringContent("{}"));
        }

        IReadOnlyList<Measurement> attempts = recorder.Of(PodcastMetrics.Names.HttpDuration);
        Assert.Equal(3, attempts.Count);
        Assert.Equal(server.Accepted, attempts.Count(a => Equals(a.Tags[A.HttpStatusCode], 200)));
        Assert.Equal(server.Throttled, attempts.Count(a => Equals(a.Tags[A.HttpStatusCode], 429)));
        Assert.Equal(2, server.Throttled);
        Assert.Equal(2, recorder.Of(PodcastMetrics.Names.Throttled).Sum(m => m.Value));
    }

    [Fact]
    public async Task SendAsync_NoServer_MeasuresTheAttemptWithItsErrorType()
    {
        const string provider = "metrics-handler-refused";
        using var recorder = new MeasurementRecorder(A.Provider, provider);
        using var http = new HttpClient(new ProviderMetricsHandler(provider) { InnerHandler = new SocketsHttpHandler { UseProxy = false } });

        // Port 9 (discard) is closed on loopback here: the connection is refused.
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://127.0.0.1:9/")));

        Measurement attempt = Assert.Single(recorder.Of(PodcastMetrics.Names.HttpDuration));
        Assert.Equal(typeof(HttpRequestException).FullName, attempt.Tags[A.ErrorType]);
        Assert.Empty(recorder.Of(PodcastMetrics.Names.Throttled));
    }
}
