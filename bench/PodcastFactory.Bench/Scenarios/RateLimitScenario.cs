using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Tests.TestServers;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Issue 22 item 4: concurrent episodes' speech against a provider enforcing 60 requests/min over a sliding 10 s window
/// (10 per 10 s, 429 with Retry-After, retry-after-ms and x-ratelimit-* headers). Each episode's segments go out
/// <c>MaxParallelSegments</c> at a time through the real provider client (its resilience pipeline with the deployment's
/// shared rate limiter; without the limiter, a plain retry); a throttled segment waits what it was asked and goes again, as the audio orchestrator's durable
/// timer does. Without the limiter, a segment is lost after the speech retry policy's 4 attempts, as on main.
/// </summary>
public static class RateLimitScenario
{
    const int PerWindow = 10;
    static readonly TimeSpan _window = TimeSpan.FromSeconds(10);
    static readonly TimeSpan _latency = TimeSpan.FromMilliseconds(300);

    /// <summary>Runs 5 and 20 concurrent episodes with the limiter, and 5 without it for comparison.</summary>
    public static async Task RunAsync(BenchContext bench)
    {
        // Small scale: few segments per episode so one run stays within minutes at 60 requests/min.
        foreach ((int episodes, int segments, bool limited) in ((int, int, bool)[])[(5, 6, true), (20, 3, true), (5, 6, false)])
        {
            await RunOnceAsync(bench, episodes, segments, limited);
        }
    }

    static async Task RunOnceAsync(BenchContext bench, int episodes, int segments, bool limited)
    {
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(PerWindow, _window, _latency);
        using ServiceProvider services = Services(server, limited);
        HttpClient http = services.GetRequiredService<IHttpClientFactory>().CreateClient("bench-speech");
        var clock = Stopwatch.StartNew();
        bool[] withAudio = await Task.WhenAll(Enumerable.Range(0, episodes).Select(_ => EpisodeAsync(http, server.BaseUrl, segments, bench.Options.MaxParallelSegments, limited)));
        TimeSpan elapsed = clock.Elapsed;

        int sent = server.Accepted + server.Throttled;
        double quota = server.Accepted / (PerWindow * (elapsed / _window));
        string name = I($"{episodes} episodes x {segments} segments, {(limited ? "limiter" : "no limiter (main)")}");
        bench.Table.Add(new ResultRow("rate-limit", "-", name + ": share of 429s (goal <= 2 %)", I($"{F(100.0 * server.Throttled / sent, "0.0")} %"),
            I($"{server.Throttled} of {sent} requests; 60 requests/min, sliding 10 s window")));
        bench.Table.Add(new ResultRow("rate-limit", "-", name + ": quota used (goal >= 85 %)", I($"{F(100 * quota, "0")} %"),
            I($"{server.Accepted} answered in {F(elapsed.TotalSeconds, "0.0")} s of {F(PerWindow * (elapsed / _window), "0")} allowed")));
        bench.Table.Add(new ResultRow("rate-limit", "-", name + ": episodes with all their audio", I($"{withAudio.Count(a => a)} of {episodes}"),
            I($"MaxParallelSegments {bench.Options.MaxParallelSegments} per episode")));
    }

    static async Task<bool> EpisodeAsync(HttpClient http, Uri url, int segments, int maxParallel, bool limited)
    {
        using var gate = new SemaphoreSlim(maxParallel);
        bool[] done = await Task.WhenAll(Enumerable.Range(0, segments).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                return await SegmentAsync(http, url, limited);
            }
            finally
            {
                gate.Release();
            }
        }));
        return done.All(d => d);
    }

    // The speech retry policy's attempts (4, 2 s doubling) for other failures; throttling waited out as the orchestrator does.
    static async Task<bool> SegmentAsync(HttpClient http, Uri url, bool limited)
    {
        for (int attempt = 1; attempt <= 4;)
        {
            try
            {
                using HttpResponseMessage response = await http.PostAsync(new Uri(url, "v1/audio/speech"), new StringContent("""{"input":"segment"}"""));
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return response.IsSuccessStatusCode;
                }

                // The baseline's plain retry hands its last 429 back: a failed attempt, as main's retry handler threw.
                await Task.Delay(TimeSpan.FromSeconds(2 << (attempt - 1)));
                attempt++;
            }
            catch (ProviderThrottledException throttled) when (limited)
            {
                await Task.Delay(throttled.RetryAfter < TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : throttled.RetryAfter);
            }
            catch (Exception ex) when (ex is ProviderTransientException or ProviderThrottledException)
            {
                await Task.Delay(TimeSpan.FromSeconds(2 << (attempt - 1)));
                attempt++;
            }
        }

        return false;
    }

    static ServiceProvider Services(RateLimitedServer server, bool limited)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        if (limited)
        {
            services.AddLimitedHttpClient("bench-speech", "bench-speech", maxRetries: 2, timeoutSeconds: 30,
                ProviderRateLimiters.Key("bench-speech", server.BaseUrl, "tts"), new RateLimitSettings(60, null, RateLimitSettings.DefaultMaxWait));
        }
        else
        {
            // Main before the limiter: a retry honouring Retry-After (2 retries, 30 s per attempt) and nothing shared.
            services.AddHttpClient("bench-speech", c => c.Timeout = Timeout.InfiniteTimeSpan)
                .AddResilienceHandler("retry-only", b => b
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, ShouldRetryAfterHeader = true, UseJitter = true })
                    .AddTimeout(TimeSpan.FromSeconds(30)));
        }

        return services.BuildServiceProvider();
    }
}
