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
        await new FeedPublisher(_host.Get<IFeedStore>(), FeedItems.Options).PublishAsync(FeedItems.Item(1), default);
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

        var response = await _host.ExecuteAsync(request, FeedApi.GetArtwork());

        Assert.Equal("image/png", response.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, response.Body[..4]);
        int width = (response.Body[16] << 24) | (response.Body[17] << 16) | (response.Body[18] << 8) | response.Body[19];
        int height = (response.Body[20] << 24) | (response.Body[21] << 16) | (response.Body[22] << 8) | response.Body[23];
        Assert.Equal((1400, 1400), (width, height));
    }
}
