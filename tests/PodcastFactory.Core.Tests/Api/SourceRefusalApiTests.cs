using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>URL sources the app must not or cannot read: a 400 problem naming each source, nothing started, never a 500.</summary>
public sealed class SourceRefusalApiTests : IAsyncLifetime
{
    TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(app =>
    {
        app.MapGet("/slow", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            return Results.Text("Durable workflows keep their state in storage.", "text/plain");
        });
        app.MapFallback(() => Results.Text("Proxied page: the proxy was asked.", "text/plain"));
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    static string Body(params string[] urls) =>
        JsonSerializer.Serialize(new { topic = "Durable workflows", sources = urls.Select(u => new { kind = "url", value = u }) });

    static async Task<ApiResponse> StartAsync(ApiTestHost host, string body)
    {
        HttpRequest request = ApiTestHost.Request(body, "POST");
        return await host.ExecuteAsync(request, await host.Get<EpisodeApi>().StartAsync(request, default));
    }

    [Theory]
    [InlineData("http://[64:ff9b::7f00:1]/")]
    [InlineData("http://[2002:7f00:1::]/")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/")]
    public async Task StartAsync_UrlSourceOnIPv6EmbeddingLoopback_Returns400NamingTheSource(string url)
    {
        using var host = new ApiTestHost();

        ApiResponse response = await StartAsync(host, Body(url));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        string message = response.Json.GetProperty("errors").GetProperty("sources[0].value")[0].GetString()!;
        Assert.Contains("private, loopback or link-local", message, StringComparison.Ordinal);
        Assert.Empty(host.Client.Started);
    }

    [Theory]
    [InlineData("http://no-such-host.invalid/page", "no-such-host.invalid could not be resolved")]
    [InlineData("http://[64:ff9b::7f00:1]/admin", "which carries the IPv4 address 127.0.0.1")]
    public async Task StartAsync_ProxySetAndSourceRefused_Returns400NamingTheSourceAndTheProxySeesNothing(string url, string reason)
    {
        using var host = new ApiTestHost(new Dictionary<string, string?> { ["Fetch:Proxy"] = _site.Root.ToString() });

        ApiResponse response = await StartAsync(host, Body(url));

        Assert.Equal(400, response.Status);
        string message = response.Json.GetProperty("errors").GetProperty("sources[0].value")[0].GetString()!;
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
        Assert.Empty(host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_SlowUrlSources_Returns400AtTheDeadlineListingEachSlowSource()
    {
        using var host = new ApiTestHost(new Dictionary<string, string?>
        {
            ["Workflow:AllowPrivateNetworkSources"] = "true",
            ["Fetch:SourcesDeadlineSeconds"] = "2",
        });
        string[] urls = Enumerable.Range(0, 6).Select(n => _site.Url("/slow?n=" + n).ToString()).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        ApiResponse response = await StartAsync(host, Body(urls));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(400, response.Status);
        JsonElement errors = response.Json.GetProperty("errors");
        for (int i = 0; i < urls.Length; i++)
        {
            string message = errors.GetProperty($"sources[{i}].value")[0].GetString()!;
            Assert.Contains("Fetch:SourcesDeadlineSeconds", message, StringComparison.Ordinal);
            Assert.Contains(urls[i], message, StringComparison.Ordinal);
        }

        Assert.Empty(host.Client.Started);
        Assert.False(Directory.Exists(host.Root) && Directory.EnumerateFiles(host.Root, "*", SearchOption.AllDirectories).Any()); // nothing captured or claimed
    }
}
