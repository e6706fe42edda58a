using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Fetching;
using PodcastFactory.Core.Tests.Sources.Fetching;
using PodcastFactory.Core.Tests.TestServers;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Tests.Workflow.Starting;

/// <summary>The sources of one request: read in parallel, at most Fetch:MaxParallel at once, under one deadline for them all.</summary>
public sealed class SourceDeadlineTests : IAsyncLifetime
{
    const string Article = "Durable workflows keep their state in storage. A crash loses nothing that was checkpointed before it.";
    TestSite _site = null!;
    readonly InFlightGauge _crowd = new();

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(app =>
    {
        app.MapGet("/fast", () => Results.Text(Article, "text/plain"));
        app.MapGet("/slow", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            return Results.Text(Article, "text/plain");
        });
        app.MapGet("/crowd", async (HttpContext c) =>
        {
            // Answers once four requests are in flight together (or after 10 s): only parallel fetching is quick here.
            using (_crowd.Enter())
            {
                var clock = Stopwatch.StartNew();
                while (_crowd.Now < 4 && clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(20, c.RequestAborted);
                }

                await Task.Delay(100, c.RequestAborted);
            }

            return Results.Text(Article, "text/plain");
        });
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    static SourceLoader Loader(ServiceProvider services) =>
        new(services.GetRequiredService<BoundedFetcher>(), services.GetRequiredService<IOptions<FetchOptions>>(), NullLogger<SourceLoader>.Instance);

    SourceInput Url(string path, int n) => new(SourceKind.Url, _site.Url($"{path}?n={n}").ToString());

    [Fact]
    public async Task LoadAsync_TwentySlowUrls_AnswersAtTheDeadlineNamingEverySlowSource()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback(("Fetch:SourcesDeadlineSeconds", "2")));
        SourceInput[] sources = Enumerable.Range(0, 20).Select(n => Url("/slow", n)).ToArray();
        var clock = Stopwatch.StartNew();

        var (documents, errors) = await Loader(services).LoadAsync(sources, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9), $"20 slow sources took {clock.Elapsed.TotalSeconds:0.0} s with a 2 s deadline (one slow source alone takes 10 s)");
        Assert.Empty(documents);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"sources[{i}].value"), errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains("within 2 s, the deadline for all sources of a request (Fetch:SourcesDeadlineSeconds)", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_SlowAmongFastSources_NamesOnlyTheSlowOnes()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback(("Fetch:SourcesDeadlineSeconds", "2")));
        SourceInput[] sources = [Url("/fast", 0), Url("/slow", 1), new(SourceKind.Text, Article), Url("/slow", 3), Url("/fast", 4)];

        var (_, errors) = await Loader(services).LoadAsync(sources, CancellationToken.None);

        Assert.Equal(["sources[1].value", "sources[3].value"], errors.Select(e => e.Field));
        Assert.Contains(sources[1].Value, errors[0].Message, StringComparison.Ordinal);
        Assert.Contains(sources[3].Value, errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_TextBehindSlowUrlsWithOneSlot_IsReadAndOnlyTheUrlTimesOut()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback(("Fetch:SourcesDeadlineSeconds", "2"), ("Fetch:MaxParallel", "1")));
        SourceInput[] sources = [Url("/slow", 0), new(SourceKind.Text, Article)];

        var (documents, errors) = await Loader(services).LoadAsync(sources, CancellationToken.None);

        Assert.Equal(["sources[0].value"], errors.Select(e => e.Field));
        Assert.Equal([Article], documents.Select(d => d.Text));
    }

    [Fact]
    public async Task LoadAsync_EightUrls_FetchedInParallelAtMostMaxParallelAtOnce()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback(("Fetch:MaxParallel", "4")));
        SourceInput[] sources = Enumerable.Range(0, 8).Select(n => Url("/crowd", n)).ToArray();

        var (documents, errors) = await Loader(services).LoadAsync(sources, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(sources.Select(s => s.Value), documents.Select(d => d.Name)); // in source order
        Assert.Equal(4, _crowd.Max);
    }
}
