using System.Xml.Linq;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Tests.Publishing.Feed;

public sealed class FeedPublisherTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-feed-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    static IReadOnlyList<string?> Guids(byte[]? feed) => PodcastFeed.ReadItems(feed).Select(PodcastFeed.GuidOf).ToList();

    [Fact]
    public async Task PublishAsync_TwentyEpisodesAtOnceOnTheFileStore_NoItemIsLost()
    {
        var store = new FileSystemFeedStore(_root);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(() =>
            new FeedPublisher(store, FeedItems.Options, FeedItems.BaseUrl).PublishAsync(FeedItems.Item(n), CancellationToken.None))));

        FeedSnapshot feed = await store.ReadAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(n => "podcastfactory:ep-" + n), Guids(feed.Content));
    }

    [Fact]
    public async Task PublishAsync_SameEpisodeTwice_ReplacesItsItem()
    {
        var store = new FileSystemFeedStore(_root);
        var publisher = new FeedPublisher(store, FeedItems.Options, FeedItems.BaseUrl);
        await publisher.PublishAsync(FeedItems.Item(1), CancellationToken.None);
        await publisher.PublishAsync(FeedItems.Item(2), CancellationToken.None);

        await publisher.PublishAsync(FeedItems.Item(1) with { AudioBytes = 42 }, CancellationToken.None);

        byte[]? content = (await store.ReadAsync(CancellationToken.None)).Content;
        Assert.Equal(["podcastfactory:ep-2", "podcastfactory:ep-1"], Guids(content));
        XElement item = PodcastFeed.ReadItems(content).Single(i => PodcastFeed.GuidOf(i) == "podcastfactory:ep-1");
        Assert.Equal("42", item.Element("enclosure")!.Attribute("length")!.Value);
    }

    [Fact]
    public async Task TryWriteAsync_StaleETag_Refuses()
    {
        var store = new FileSystemFeedStore(_root);
        string? first = await store.TryWriteAsync([1], null, CancellationToken.None);
        await store.TryWriteAsync([2], first, CancellationToken.None);

        Assert.Null(await store.TryWriteAsync([3], first, CancellationToken.None));
        Assert.Null(await store.TryWriteAsync([3], null, CancellationToken.None));
    }

    [Fact]
    public async Task NextEpisodeNumberAsync_ListedOrNew_ReusesOrCountsOn()
    {
        var store = new FileSystemFeedStore(_root);
        var publisher = new FeedPublisher(store, FeedItems.Options, FeedItems.BaseUrl);
        Assert.Equal(1, await publisher.NextEpisodeNumberAsync("podcastfactory:ep-1", CancellationToken.None));
        await publisher.PublishAsync(FeedItems.Item(1), CancellationToken.None);
        await publisher.PublishAsync(FeedItems.Item(2), CancellationToken.None);

        Assert.Equal(1, await publisher.NextEpisodeNumberAsync("podcastfactory:ep-1", CancellationToken.None));
        Assert.Equal(3, await publisher.NextEpisodeNumberAsync("podcastfactory:ep-9", CancellationToken.None));
    }

    [Fact]
    public void Merge_ItemFields_HasEnclosureDurationTranscriptAndChapters()
    {
        XDocument feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(PodcastFeed.Merge(null, FeedItems.Item(3), FeedItems.Options, FeedItems.BaseUrl)));

        XElement item = feed.Root!.Element("channel")!.Element("item")!;
        Assert.Equal("audio/mpeg", item.Element("enclosure")!.Attribute("type")!.Value);
        Assert.Equal("https://pods.example.com/api/episodes/ep-3/artifacts/episode.mp3", item.Element("enclosure")!.Attribute("url")!.Value);
        Assert.Equal("303", item.Element(PodcastFeed.Itunes + "duration")!.Value);
        Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")!.Value);
        Assert.Equal(["text/vtt", "application/srt"], item.Elements(PodcastFeed.Podcast + "transcript").Select(t => t.Attribute("type")!.Value));
        Assert.Equal("application/json+chapters", item.Element(PodcastFeed.Podcast + "chapters")!.Attribute("type")!.Value);
        Assert.Equal("https://pods.example.com/api/feed/artwork.png", feed.Root.Element("channel")!.Element(PodcastFeed.Itunes + "image")!.Attribute("href")!.Value);
    }
}
