using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Tests.Sources.Fetching;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Sources.Web;

/// <summary>One capture per page per episode, however many angles or workers ask for it at once.</summary>
public sealed class PageCapturerTests : IAsyncLifetime
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-capture-" + Guid.NewGuid().ToString("N")[..8]);
    TestSite _site = null!;
    ServiceProvider _services = null!;
    int _served;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync(app => app.MapGet("/article", async (HttpContext c) =>
        {
            // Each answer differs, as a live page can between two fetches; slow enough for concurrent askers to overlap.
            int n = Interlocked.Increment(ref _served);
            await Task.Delay(400, c.RequestAborted);
            string text = string.Concat(Enumerable.Repeat($"Version {n} of the page says durable workflows replay their history after a crash. ", 6));
            return Results.Text(text, "text/plain");
        }));
        _services = FetcherHost.Services(FetcherHost.Loopback());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _site.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    PageCapturer NewCapturer() => new(new FileSystemArtifactStore(_root), FetcherHost.Create(_services), NullLogger<PageCapturer>.Instance);

    SearchHit Hit => new(_site.Url("/article").ToString(), "Article", "");

    [Fact]
    public async Task CaptureAsync_ThreeAnglesAskForOnePageAtOnce_FetchesAndCapturesItOnce()
    {
        PageCapturer capturer = NewCapturer();
        using var gate = new SemaphoreSlim(4);

        var pages = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => capturer.CaptureAsync("ep", Hit, gate, CancellationToken.None)));

        Assert.Equal(1, _served);
        Assert.All(pages, p => Assert.Equal(pages[0].Page, p.Page));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "ep", "sources"), "web-*.md"));
    }

    [Fact]
    public async Task CaptureAsync_TwoWorkersCaptureOnePageAtOnce_BothUseTheFirstCapture()
    {
        // Two processes share only the store: both fetch, the conditional create lets one capture in.
        using var gate = new SemaphoreSlim(4);

        var pages = await Task.WhenAll(NewCapturer().CaptureAsync("ep", Hit, gate, CancellationToken.None), NewCapturer().CaptureAsync("ep", Hit, gate, CancellationToken.None));

        Assert.Equal(2, _served);
        Assert.Equal(pages[0].Page!.Text, pages[1].Page!.Text);
        Assert.Equal(pages[0].Page!.RetrievedAt, pages[1].Page!.RetrievedAt);
        string stored = await File.ReadAllTextAsync(Path.Combine(_root, "ep", "sources", CapturedPage.SourceName(new Uri(Hit.Url)) + ".md"));
        Assert.Contains(pages[0].Page!.Text, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptureAsync_PageCapturedEarlierUnderAnotherSpelling_ReadFromTheStoreWithoutFetching()
    {
        using var gate = new SemaphoreSlim(4);
        var first = await NewCapturer().CaptureAsync("ep", Hit, gate, CancellationToken.None);

        var again = await NewCapturer().CaptureAsync("ep", Hit with { Url = Hit.Url + "/" }, gate, CancellationToken.None);

        Assert.Equal(1, _served);
        Assert.Equal(first.Page!.Text, again.Page!.Text);
    }
}
