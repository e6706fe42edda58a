using System.Text;
using System.Xml.Linq;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Tests.Publishing.Feed;

/// <summary>The channel tags directories read to identify a show and its owner (issue 20, item 3).</summary>
public sealed class FeedChannelTests
{
    static XElement Channel(FeedOptions options, Uri? baseUrl = null) =>
        XDocument.Parse(Encoding.UTF8.GetString(PodcastFeed.Render(options, baseUrl ?? FeedItems.BaseUrl, []))).Root!.Element("channel")!;

    [Fact]
    public void Render_Channel_HasPodcastGuidOfTheFeedUrl()
    {
        XElement channel = Channel(FeedItems.Options);

        Assert.Equal(PodcastGuid.OfName("pods.example.com/api/feed.xml").ToString("D"), channel.Element(PodcastFeed.Podcast + "guid")!.Value);
    }

    [Fact]
    public void Render_OwnerEmailSet_OwnerHasNameAndEmail()
    {
        XElement owner = Channel(FeedItems.Options).Element(PodcastFeed.Itunes + "owner")!;

        Assert.Equal("Test Author", owner.Element(PodcastFeed.Itunes + "name")!.Value);
        Assert.Equal("owner@example.com", owner.Element(PodcastFeed.Itunes + "email")!.Value);
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public void Render_LockedSetting_IsPodcastLockedWithTheOwner(bool locked, string expected)
    {
        var options = new FeedOptions { OwnerEmail = "owner@example.com", Locked = locked };

        XElement tag = Channel(options).Element(PodcastFeed.Podcast + "locked")!;

        Assert.Equal(expected, tag.Value);
        Assert.Equal("owner@example.com", tag.Attribute("owner")!.Value);
    }

    [Fact]
    public void Render_NoOwnerEmail_LockedHasNoOwnerAttributeAndOwnerNoEmail()
    {
        XElement channel = Channel(new FeedOptions());

        Assert.Null(channel.Element(PodcastFeed.Podcast + "locked")!.Attribute("owner"));
        Assert.Null(channel.Element(PodcastFeed.Itunes + "owner")!.Element(PodcastFeed.Itunes + "email"));
    }

    [Fact]
    public void Rebase_StoredOnAnotherPort_MovesEveryArtifactLink()
    {
        var stored = PodcastFeed.ReadItems(PodcastFeed.Merge(null, FeedItems.Item(1), FeedItems.Options, new Uri("http://127.0.0.1:7071/api")));

        XElement item = FeedLinks.Rebase(stored, new Uri("http://127.0.0.1:40123/api")).Single();

        string[] urls = [.. item.Descendants().Attributes("url").Select(a => a.Value)];
        Assert.Equal(4, urls.Length);
        Assert.All(urls, u => Assert.StartsWith("http://127.0.0.1:40123/api/episodes/ep-1/artifacts/", u, StringComparison.Ordinal));
    }
}
