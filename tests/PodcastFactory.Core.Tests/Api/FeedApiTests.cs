using System.Xml.Linq;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Tests.Publishing.Feed;

namespace PodcastFactory.Core.Tests.Api;

public sealed class FeedApiTests : IDisposable
{
    readonly ApiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task GetFeedAsync_NothingPublished_Returns404Problem()
    {
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await _host.Get<FeedApi>().GetFeedAsync(request, default));

        Assert.Equal(404, response.Status);
        Assert.Equal("No feed yet", response.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetFeedAsync_Published_ReturnsTheRssWithItsETagAnd304WhenUnchanged()
    {
        await new FeedPublisher(_host.Get<IFeedStore>(), FeedItems.Options, FeedItems.BaseUrl).PublishAsync(FeedItems.Item(1), default);
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await _host.Get<FeedApi>().GetFeedAsync(request, default));
        var again = ApiTestHost.Request();
        again.Headers.IfNoneMatch = response.Headers.ETag.ToString();
        var cached = await _host.ExecuteAsync(again, await _host.Get<FeedApi>().GetFeedAsync(again, default));

        Assert.Equal(200, response.Status);
        Assert.Equal(PodcastFeed.ContentType, response.ContentType);
        Assert.Contains("<guid isPermaLink=\"false\">podcastfactory:ep-1</guid>", response.Text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_host.Root, "feed.xml")));
        Assert.Equal(304, cached.Status);
    }

    [Fact]
    public async Task GetArtwork_Default_IsASquarePngOfAtLeast1400Pixels()
    {
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, FeedApi.GetArtwork(request));

        Assert.Equal("image/png", response.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, response.Body[..4]);
        int width = (response.Body[16] << 24) | (response.Body[17] << 16) | (response.Body[18] << 8) | response.Body[19];
        int height = (response.Body[20] << 24) | (response.Body[21] << 16) | (response.Body[22] << 8) | response.Body[23];
        Assert.Equal((1400, 1400), (width, height));
    }

    async Task PublishAsync() =>
        await new FeedPublisher(_host.Get<IFeedStore>(), FeedItems.Options, new Uri("http://127.0.0.1:7071/api")).PublishAsync(FeedItems.Item(1), default);

    static async Task<ApiResponse> ServedAsync(ApiTestHost host, string method = "GET", string query = "", Action<Microsoft.AspNetCore.Http.HttpRequest>? headers = null)
    {
        var request = ApiTestHost.Request(method: method, query: query);
        request.Host = new Microsoft.AspNetCore.Http.HostString("127.0.0.1", 40123);
        headers?.Invoke(request);
        return await host.ExecuteAsync(request, await host.Get<FeedApi>().GetFeedAsync(request, default));
    }

    [Fact]
    public async Task GetFeedAsync_NoPublicBaseUrl_EveryLinkPointsWhereTheFeedIsServed()
    {
        await PublishAsync();

        ApiResponse response = await ServedAsync(_host);

        XElement channel = XDocument.Parse(response.Text).Root!.Element("channel")!;
        string[] links = [.. channel.Descendants().Attributes().Where(a => a.Name.LocalName is "url" or "href").Select(a => a.Value),
            channel.Element("link")!.Value, channel.Element("image")!.Element("url")!.Value];
        Assert.Equal(8, links.Length);
        Assert.All(links, l => Assert.StartsWith("http://127.0.0.1:40123/api", l, StringComparison.Ordinal));
        Assert.Equal("http://127.0.0.1:40123/api/feed.xml", channel.Elements().First(e => e.Name.LocalName == "link" && e.Attribute("rel") is not null).Attribute("href")!.Value);
    }

    [Fact]
    public async Task GetFeedAsync_PublicBaseUrlSet_LinksUseItWhateverTheRequest()
    {
        using var host = new ApiTestHost(new Dictionary<string, string?> { ["Feed:PublicBaseUrl"] = "https://cdn.example.org/pods/api" });
        await new FeedPublisher(host.Get<IFeedStore>(), FeedItems.Options, new Uri("http://127.0.0.1:7071/api")).PublishAsync(FeedItems.Item(1), default);

        ApiResponse response = await ServedAsync(host);

        XElement item = XDocument.Parse(response.Text).Root!.Element("channel")!.Element("item")!;
        Assert.Equal("https://cdn.example.org/pods/api/episodes/ep-1/artifacts/episode.mp3", item.Element("enclosure")!.Attribute("url")!.Value);
    }

    [Fact]
    public async Task GetFeedAsync_ListeningBaseKnown_LinksUseTheListeningAddress()
    {
        await PublishAsync();
        _host.Get<FeedAddress>().SetListeningBase(new Uri("http://127.0.0.1:5555/api"));

        ApiResponse response = await ServedAsync(_host);

        Assert.Contains("http://127.0.0.1:5555/api/episodes/ep-1/artifacts/episode.mp3", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeedAsync_Published_HasStrongETagAndLastModified()
    {
        await PublishAsync();

        ApiResponse response = await ServedAsync(_host);

        Assert.True(EntityTagHeaderValue.TryParse(response.Headers.ETag.ToString(), out EntityTagHeaderValue? etag) && !etag.IsWeak, response.Headers.ETag.ToString());
        Assert.False(string.IsNullOrEmpty(response.Headers.LastModified.ToString()));
    }

    [Fact]
    public async Task GetFeedAsync_IfModifiedSinceNotOlder_Returns304WithoutBody()
    {
        await PublishAsync();
        string lastModified = (await ServedAsync(_host)).Headers.LastModified.ToString();

        ApiResponse cached = await ServedAsync(_host, headers: r => r.Headers.IfModifiedSince = lastModified);

        Assert.Equal(304, cached.Status);
        Assert.Empty(cached.Body);
    }

    [Fact]
    public async Task GetFeedAsync_IfModifiedSinceOlder_Returns200()
    {
        await PublishAsync();

        ApiResponse response = await ServedAsync(_host, headers: r => r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(-2).ToString("R"));

        Assert.Equal(200, response.Status);
    }

    [Theory]
    [InlineData("?format=atom")]
    [InlineData("?page=2")]
    public async Task GetFeedAsync_UnknownQueryParameter_Returns400Problem(string query)
    {
        await PublishAsync();

        ApiResponse response = await ServedAsync(_host, query: query);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task GetArtwork_UnknownQueryParameter_Returns400Problem()
    {
        var request = ApiTestHost.Request(query: "?size=3000");

        var response = await _host.ExecuteAsync(request, FeedApi.GetArtwork(request));

        Assert.Equal(400, response.Status);
    }
}
