using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Sources.Fetching;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Sources.Fetching;

public sealed class BoundedFetcherTests : IAsyncLifetime
{
    const string Carries127 = "which carries the IPv4 address 127.0.0.1, is a private, loopback or link-local address";

    TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(app =>
    {
        app.MapGet("/page", () => Results.Content("<html><head><title>T</title></head><body><p>Hello there.</p></body></html>", "text/html; charset=utf-8"));
        app.MapGet("/notes.md", () => Results.Text("# Notes\n\nPlain markdown.", "text/markdown"));
        app.MapGet("/huge", async (HttpContext c) =>
        {
            // Chunked, no Content-Length: only a cap counted while streaming stops it.
            c.Response.ContentType = "text/plain";
            byte[] block = new byte[64 * 1024];
            Array.Fill(block, (byte)'a');
            for (int i = 0; i < 1024 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(block, c.RequestAborted);
            }
        });
        app.MapGet("/drip", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/plain";
            for (int i = 0; i < 600 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.WriteAsync("a", c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(100, c.RequestAborted);
            }
        });
        app.MapGet("/binary", () => Results.Bytes(new byte[] { 1, 2, 3 }, "application/octet-stream"));
        app.MapGet("/nul", () => Results.Text("abc\0def", "text/plain"));
        app.MapGet("/to-file", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/to-gopher", () => Results.Redirect("gopher://127.0.0.1:70/1"));
        app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/to-page", () => Results.Redirect("/page"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/missing", () => Results.NotFound());
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task FetchAsync_HtmlPage_ReturnsBodyTypeAndTime()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback());

        FetchedPage page = await FetcherHost.Create(services).FetchAsync(_site.Url("/to-page"), CancellationToken.None);

        Assert.Contains("Hello there.", page.Body, StringComparison.Ordinal);
        Assert.Equal("text/html", page.MediaType);
        Assert.Equal(_site.Url("/page"), page.FinalUrl);
        Assert.True(page.RetrievedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task FetchAsync_Markdown_Accepted()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback());

        FetchedPage page = await FetcherHost.Create(services).FetchAsync(_site.Url("/notes.md"), CancellationToken.None);

        Assert.Equal("text/markdown", page.MediaType);
    }

    [Fact]
    public async Task FetchAsync_HugeChunkedBody_RefusedAtTheCapWhileStreaming()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback(("Fetch:MaxBytes", "100000")));
        long before = GC.GetTotalAllocatedBytes();

        var ex = await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(_site.Url("/huge"), CancellationToken.None));

        Assert.Contains("larger than 100000 bytes (Fetch:MaxBytes)", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 16 * 1024 * 1024, "the 64 MB body must not be read");
    }

    [Fact]
    public async Task FetchAsync_SlowDripBody_RefusedAtTheDeadline()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback(("Fetch:TimeoutSeconds", "1")));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(_site.Url("/drip"), CancellationToken.None));

        Assert.Contains("within 1 s (Fetch:TimeoutSeconds)", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);
    }

    [Theory]
    [InlineData("/binary", "application/octet-stream, not text")]
    [InlineData("/nul", "NUL characters")]
    [InlineData("/to-file", "redirects to file:")]
    [InlineData("/to-gopher", "redirects to gopher:")]
    [InlineData("/to-metadata", "link-local")]
    [InlineData("/loop", "more than 5 times (Fetch:MaxRedirects)")]
    [InlineData("/missing", "HTTP 404")]
    public async Task FetchAsync_BadAnswer_RefusedWithReason(string path, string reason)
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback());

        var ex = await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(_site.Url(path), CancellationToken.None));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_GopherRedirect_NeverRequestsTheTarget()
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback());

        await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(_site.Url("/to-gopher"), CancellationToken.None));

        Assert.Equal(["/to-gopher"], _site.Requests);
    }

    [Fact]
    public async Task FetchAsync_LoopbackByDefault_RefusedByAddress()
    {
        using ServiceProvider services = FetcherHost.Services();

        var ex = await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(_site.Url("/page"), CancellationToken.None));

        Assert.Contains("private, loopback or link-local", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[64:ff9b::7f00:1]/page", Carries127)]
    [InlineData("http://[2002:7f00:1::]/page", Carries127)]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/page", Carries127)]
    [InlineData("http://[::ffff:0:127.0.0.1]/page", Carries127)]
    [InlineData("http://no-such-host.invalid/page", "no-such-host.invalid could not be resolved")]
    public async Task FetchAsync_ProxyConfiguredAndTargetRefused_RefusedBeforeTheProxySeesIt(string url, string reason)
    {
        // The "proxy" is the test site itself: were the target's address not checked before the hop, the request would reach it.
        using ServiceProvider services = FetcherHost.Services(new Dictionary<string, string?> { ["Fetch:Proxy"] = _site.Root.ToString() });

        var ex = await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(new Uri(url), CancellationToken.None));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
    }

    [Theory]
    [InlineData("http://[64:ff9b::7f00:1]/page")]
    [InlineData("http://[2002:7f00:1::]/page")]
    [InlineData("http://[::127.0.0.1]/page")]
    public async Task FetchAsync_NoProxyAndIPv6EmbeddingLoopback_RefusedByAddress(string url)
    {
        using ServiceProvider services = FetcherHost.Services();

        var ex = await Assert.ThrowsAsync<FetchRefusedException>(() => FetcherHost.Create(services).FetchAsync(new Uri(url), CancellationToken.None));

        Assert.Contains(Carries127, ex.Message, StringComparison.Ordinal);
    }
}
