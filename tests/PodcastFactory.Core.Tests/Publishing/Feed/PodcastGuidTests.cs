using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Tests.Publishing.Feed;

public sealed class PodcastGuidTests
{
    [Fact]
    public void OfName_SpecPublishedExample_IsTheSpecsGuid()
    {
        Assert.Equal(new Guid("917393e3-1b1e-5cef-ace4-edaa54e1f810"), PodcastGuid.OfName("mp3s.nashownotes.com/pc20rss.xml"));
    }

    [Theory]
    [InlineData("https://mp3s.nashownotes.com/pc20rss.xml")]
    [InlineData("http://mp3s.nashownotes.com/pc20rss.xml/")]
    public void Of_FeedUrlWithSchemeOrTrailingSlash_DropsThemFirst(string url)
    {
        Assert.Equal(new Guid("917393e3-1b1e-5cef-ace4-edaa54e1f810"), PodcastGuid.Of(new Uri(url)));
    }

    [Fact]
    public void Of_AnyUrl_IsAVersion5RfcVariantUuid()
    {
        string guid = PodcastGuid.Of(new Uri("https://pods.example.com/api/feed.xml")).ToString("D");

        Assert.Equal('5', guid[14]);
        Assert.Contains(guid[19], "89ab");
    }
}
