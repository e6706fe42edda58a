using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Tests.Publishing.Feed;

public static class FeedItems
{
    public static readonly Uri BaseUrl = new("https://pods.example.com/api");

    public static readonly FeedOptions Options = new()
    {
        Title = "Test Show & Friends",
        Description = "A show <about> things.",
        Author = "Test Author",
        OwnerEmail = "owner@example.com",
        PublicBaseUrl = BaseUrl,
    };

    public static FeedItem Item(int n, DateTime? at = null)
    {
        string id = $"ep-{n}";
        Uri Url(string name) => FeedOptions.Combine(BaseUrl, $"episodes/{id}/artifacts/{name}");
        return new FeedItem(
            "podcastfactory:" + id, $"Episode {n} <with> & markup", $"<h1>Episode {n}</h1><p>Notes &amp; more</p>",
            at ?? new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(n), Url("episode.mp3"), 1_000_000 + n, 300 + n, n,
            Url("transcript.vtt"), Url("transcript.srt"), Url("chapters.json"), "en");
    }
}
