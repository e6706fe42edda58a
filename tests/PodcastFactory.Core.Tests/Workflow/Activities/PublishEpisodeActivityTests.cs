using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Tests.Audio.Mastering;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

// Publishes for real (ffmpeg encodes; the test setup installs it) into a temporary folder.
public sealed class PublishEpisodeActivityTests : IDisposable
{
    const string Id = "ep-publish";
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-publish-" + Guid.NewGuid().ToString("N")[..8]);
    readonly FileSystemArtifactStore _store;
    readonly PublishEpisodeActivity _activity;
    readonly ShowStore _shows;
    readonly TaskActivityContext _context = Mock.Of<TaskActivityContext>(c => c.InstanceId == Id);

    public PublishEpisodeActivityTests()
    {
        _store = new FileSystemArtifactStore(_root);
        IOptions<PublishingOptions> publishing = Options.Create(new PublishingOptions());
        IOptions<FeedOptions> feed = Options.Create(new FeedOptions());
        _shows = new ShowStore(_store);
        var showFeeds = new ShowFeeds(_shows, Options.Create(new ArtifactStoreOptions { Provider = ArtifactStoreKind.FileSystem, RootPath = _root }), feed);
        var publisher = new EpisodePublisher(_store, new FileSystemFeedStore(_root), publishing, feed, new FeedAddress(feed), showFeeds, NullLogger<EpisodePublisher>.Instance);
        _activity = new PublishEpisodeActivity(publisher, new PublishQueue(publishing, NullLogger<PublishQueue>.Instance));
    }

    async Task<PublishRequest> EpisodeAsync(string title)
    {
        var turns = new List<ScriptTurn> { new("Alex", "Welcome to the show. Today we talk about durable workflows."), new("Sam", "Checkpoints let a crashed run resume.") };
        await _store.WriteJsonAsync(Id + "/script.json", new Script(title, turns, 0), null, default);
        var plan = new SegmentPlan([.. turns.Select((t, i) => new AudioSegment(i, t.Speaker, "v", t.Text, 300, i))], AudioFormat.Wav);
        await _store.WriteJsonAsync(ArtifactNames.SegmentPlan(Id), plan, null, default);
        var segments = new List<string>();
        for (int i = 0; i < turns.Count; i++)
        {
            string name = $"{Id}/speech/{i}.wav";
            await using var wav = new MemoryStream(SpeechLike.Wav(22050, 2, -24, seed: i));
            await _store.WriteAsync(name, wav, ContentTypes.ForName(name), null, default);
            segments.Add(name);
        }

        return new PublishRequest(Id, Id + "/script.json", ArtifactNames.SegmentPlan(Id), segments, Id + "/research.json",
            [new HostVoice("Alex", "v"), new HostVoice("Sam", "v")], [], [], "en", new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task RunAsync_PublishedEpisodeRunAgainLater_ReusesThePublishWithoutMasteringAgain()
    {
        PublishRequest input = await EpisodeAsync("Durable workflows");
        PublishEpisodeOutput first = await _activity.RunAsync(_context, input);
        DateTimeOffset mastered = (await _store.GetInfoAsync(ArtifactNames.Master(Id), default))!.LastModified;

        PublishEpisodeOutput again = await _activity.RunAsync(_context, input with { PublishedAt = input.PublishedAt.AddHours(1) });

        Assert.False(first.Reused);
        Assert.True(again.Reused);
        Assert.Equal(mastered, (await _store.GetInfoAsync(ArtifactNames.Master(Id), default))!.LastModified);
        Assert.Equal(first.Artifacts, again.Artifacts);
        Assert.Equal(first.IntegratedLufs, again.IntegratedLufs);
    }

    [Fact]
    public async Task RunAsync_ScriptRetitledSincePublished_PublishesAgain()
    {
        await _activity.RunAsync(_context, await EpisodeAsync("Durable workflows"));

        PublishEpisodeOutput again = await _activity.RunAsync(_context, await EpisodeAsync("Durable workflows, revised"));

        Assert.False(again.Reused);
    }

    [Fact]
    public async Task RunAsync_EpisodeOfAShow_JoinsTheShowsFeedUnderItsTitleAndLeavesTheRootFeedAlone()
    {
        await _shows.CreateAsync(new Show { Id = "night-shift", Title = "Night Shift", Author = "Studio" }, default);

        PublishEpisodeOutput output = await _activity.RunAsync(_context, (await EpisodeAsync("Durable workflows")) with { Show = "night-shift" });

        Assert.EndsWith(Path.Combine("_shows", "night-shift", "feed.xml"), output.FeedLocation, StringComparison.Ordinal);
        string feed = await File.ReadAllTextAsync(Path.Combine(_root, "_shows", "night-shift", "feed.xml"));
        Assert.Contains("<title>Night Shift</title>", feed, StringComparison.Ordinal);
        Assert.Contains("podcastfactory:" + Id, feed, StringComparison.Ordinal);
        Assert.Contains("/shows/night-shift/feed.xml", feed, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, FileSystemFeedStore.FileName)));
    }

    [Fact]
    public async Task RunAsync_EpisodeOfAPurgedShow_FailsWithoutRetryNamingTheShow()
    {
        PublishRequest input = (await EpisodeAsync("Durable workflows")) with { Show = "gone-show" };

        NonRetryableException failure = await Assert.ThrowsAsync<NonRetryableException>(() => _activity.RunAsync(_context, input));

        Assert.Contains("gone-show", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task RunAsync_ScriptReferringBackToAnEarlierEpisodeOfItsShow_ShowNotesLinkIt()
    {
        PublishRequest input = await EpisodeAsync("Durable workflows, part two");
        var turns = new List<ScriptTurn> { new("Alex", "Back in episode 1 we talked about replay, and this builds on it."), new("Sam", "Checkpoints let a crashed run resume.") };
        await _store.WriteJsonAsync(input.ScriptArtifact, new Script("Durable workflows, part two", turns, 0), null, default);
        var page = new Uri("https://pods.example/api/episodes/ep-1/artifacts/show-notes.html");
        await _store.WriteJsonAsync(input.ResearchArtifact, new ResearchNotes("Durable workflows", "merged", "Notes.", [], HasSources: true,
            Earlier: [new BibleEpisode(1, "ep-1", "Replay", "S", [], [], page), new BibleEpisode(2, "ep-9", "Not named", "S", [], [])]), null, default);

        await _activity.RunAsync(_context, input);

        string md = await _store.ReadTextAsync(ArtifactNames.ShowNotes(Id, "md"), default);
        Assert.Contains($"## Earlier episodes\n\n- [Episode 1: Replay](<{page}>)\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Not named", md, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{page}\">Episode 1: Replay</a>", await _store.ReadTextAsync(ArtifactNames.ShowNotes(Id, "html"), default), StringComparison.Ordinal);
    }
}
