using PodcastFactory.Core.Tests.Publishing.Feed;
using System.Diagnostics;
using System.Text.Json;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.IntegrationTests.Publishing;

/// <remarks>Needs python3 with feedparser (apt-get install python3-feedparser; the test command installs it) and fails without it.</remarks>
public sealed class FeedParserTests
{
    const string Script = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({
            "bozo": int(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
            "title": d.feed.get("title"), "author": d.feed.get("author"), "image": d.feed.get("image", {}).get("href"),
            "explicit": d.feed.get("itunes_explicit"), "language": d.feed.get("language"),
            "guid": d.feed.get("podcast_guid"), "owner": d.feed.get("publisher_detail", {}), "locked": d.feed.get("podcast_locked", {}),
            "entries": [{"id": e.id, "title": e.title, "duration": e.get("itunes_duration"), "episode": e.get("itunes_episode"),
                         "enclosures": [{"href": x.href, "length": x.length, "type": x.type} for x in e.enclosures],
                         "summary": e.get("summary")} for e in d.entries]}))
        """;

    [Fact]
    public void Merge_TwoEpisodes_ParsesCleanlyWithFeedparserWithGuidOwnerAndLock()
    {
        byte[] feed = PodcastFeed.Merge(PodcastFeed.Merge(null, FeedItems.Item(1), FeedItems.Options, FeedItems.BaseUrl), FeedItems.Item(2), FeedItems.Options, FeedItems.BaseUrl);
        string path = Path.Combine(Path.GetTempPath(), $"pf-feed-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(path, feed);
        try
        {
            using JsonDocument parsed = JsonDocument.Parse(RunFeedparser(path));
            JsonElement root = parsed.RootElement;

            Assert.True(root.GetProperty("bozo").GetInt32() == 0, "feedparser reported a malformed feed: " + root.GetProperty("error").GetString());
            Assert.Equal("rss20", root.GetProperty("version").GetString());
            Assert.Equal("Test Show & Friends", root.GetProperty("title").GetString());
            Assert.Equal("https://pods.example.com/api/feed/artwork.png", root.GetProperty("image").GetString());
            JsonElement first = root.GetProperty("entries")[0];
            Assert.Equal("podcastfactory:ep-2", first.GetProperty("id").GetString());
            Assert.Equal("Episode 2 <with> & markup", first.GetProperty("title").GetString());
            Assert.Equal("302", first.GetProperty("duration").GetString());
            JsonElement enclosure = first.GetProperty("enclosures")[0];
            Assert.Equal(("1000002", "audio/mpeg"), (enclosure.GetProperty("length").GetString(), enclosure.GetProperty("type").GetString()));
            Assert.Contains("<h1>Episode 2</h1>", first.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.Equal(PodcastGuid.OfName("pods.example.com/api/feed.xml").ToString("D"), root.GetProperty("guid").GetString());
            Assert.Equal("owner@example.com", root.GetProperty("owner").GetProperty("email").GetString());
            Assert.Equal("Test Author", root.GetProperty("owner").GetProperty("name").GetString());
            Assert.Equal("owner@example.com", root.GetProperty("locked").GetProperty("owner").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    static string RunFeedparser(string feedPath)
    {
        // Debian's python3-feedparser lives with the system interpreter, which a pyenv shim on PATH may hide.
        var info = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(feedPath);
        using Process process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"python3 feedparser failed (install it: apt-get install python3-feedparser): {error}");
        return output;
    }
}
