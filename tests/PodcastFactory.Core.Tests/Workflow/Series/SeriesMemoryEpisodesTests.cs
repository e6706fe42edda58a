using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Tests.Workflow.Activities;
using PodcastFactory.Core.Workflow.Activities;
using Xunit.Abstractions;

namespace PodcastFactory.Core.Tests.Workflow.Series;

/// <summary>Two episodes of one show on overlapping sources, through the real activities on the file store (issue 24 item 4).</summary>
public sealed class SeriesMemoryEpisodesTests(ITestOutputHelper output)
{
    const string Show = "durable-weekly";

    static double RepeatShare(ShowEpisode first, ShowEpisode second) =>
        (double)first.ClaimHashes.Count(second.ClaimHashes.Contains) / first.ClaimHashes.Count;

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public async Task SecondEpisode_OverlappingSources_RepeatsAtMostAFifthOfTheFirstOnesClaims(int minutes)
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);
        (string a, string b) = ShowEpisodes.OverlappingSources();
        ShowEpisode first = await show.ProduceAsync("ep-1", Show, a, minutes);
        ShowEpisode without = await show.ProduceAsync("ep-2-alone", show: null, b, minutes);

        ShowEpisode second = await show.ProduceAsync("ep-2", Show, b, minutes);

        double withMemory = RepeatShare(first, second), withoutMemory = RepeatShare(first, without);
        output.WriteLine($"{minutes} min: first episode {first.ClaimHashes.Count} claims; the second repeats {withMemory:P0} of them with series memory, {withoutMemory:P0} without");
        Assert.True(withMemory <= 0.20, $"repeated {withMemory:P0} of the first episode's claims");
        // Without memory the second episode would say most of it again: the sources overlap enough for the bound to mean something.
        Assert.True(withoutMemory >= 0.5, $"without memory only {withoutMemory:P0} repeated");
    }

    [Fact]
    public async Task SecondEpisode_BuildsOnTheFirst_RefersBackOnceByNumberAndStillPassesReview()
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);
        (string a, string b) = ShowEpisodes.OverlappingSources();
        ShowEpisode first = await show.ProduceAsync("ep-1", Show, a);

        ShowEpisode second = await show.ProduceAsync("ep-2", Show, b);

        Assert.DoesNotContain(first.Script.Turns, t => t.Text.Contains("Back in episode", StringComparison.Ordinal));
        ScriptTurn back = Assert.Single(second.Script.Turns, t => t.Text.Contains("Back in episode 1 we talked about Durable workflows", StringComparison.Ordinal));
        Assert.NotNull(back.Claims);
        Assert.Equal([1], SeriesReferences.In(second.Script, second.Research.Earlier).Select(e => e.Number));
        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(AgentTestData.Brief(), second.Script, second.Research, CancellationToken.None)).Value;
        Assert.True(review.Passed, string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    [Fact]
    public async Task SecondEpisode_ShowNotes_LinkTheEarlierEpisodeItRefersTo()
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);
        (string a, string b) = ShowEpisodes.OverlappingSources();
        await show.ProduceAsync("ep-1", Show, a);
        ShowEpisode second = await show.ProduceAsync("ep-2", Show, b);

        BibleEpisode earlier = Assert.Single(SeriesReferences.In(second.Script, second.Research.Earlier));
        var notes = new ShowNotesContent(second.Script.Title, "summary", [], [], [("Alex", "flite:rms")], ["offline"],
            Earlier: [new ShowNotesEpisode(earlier.Number, earlier.Title, earlier.Page)]);

        const string page = "https://pods.example/api/episodes/ep-1/artifacts/show-notes.html";
        Assert.Equal(new Uri(page), earlier.Page);
        Assert.Contains($"- [Episode 1: Durable workflows](<{page}>)", ShowNotes.Markdown(notes), StringComparison.Ordinal);
        Assert.Contains($"<h2>Earlier episodes</h2>\n<ul>\n<li><a href=\"{page}\">Episode 1: Durable workflows</a></li>", ShowNotes.Html(notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondEpisode_Snapshot_HoldsTheFirstAndTheBibleNumbersThemInOrder()
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);
        (string a, string b) = ShowEpisodes.OverlappingSources();
        ShowEpisode first = await show.ProduceAsync("ep-1", Show, a);

        ShowEpisode second = await show.ProduceAsync("ep-2", Show, b);

        ShowBible snapshot = await bed.ReadJsonAsync<ShowBible>(ArtifactNames.SeriesSnapshot("ep-2"));
        Assert.Equal(["ep-1"], snapshot.Episodes.Select(e => e.EpisodeId));
        Assert.Equal(first.ClaimHashes.Order(), snapshot.Episodes[0].Claims.Order());
        Assert.Equal((1, 2), (first.Recorded!.Number, second.Recorded!.Number));
        ShowBible bible = (await show.Bibles.ReadAsync(Show, CancellationToken.None)).Bible;
        Assert.Equal(["ep-1", "ep-2"], bible.Episodes.Select(e => e.EpisodeId));
        Assert.Equal(3, bible.NextNumber);
        Assert.Equal(2, (await bed.ReadJsonAsync<BibleEpisode>(ArtifactNames.SeriesEntry("ep-2"))).Number);
    }

    [Fact]
    public async Task SecondEpisode_Manifest_RecordsTheEpisodesConsideredReferredToAndItsOwnNumber()
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);
        (string a, string b) = ShowEpisodes.OverlappingSources();
        await show.ProduceAsync("ep-1", Show, a);
        await show.ProduceAsync("ep-2", Show, b);
        var request = new EpisodeRequest { Topic = AgentTestData.Topic, Show = Show };

        await new WriteManifestActivity(bed.Store).RunAsync(ActivityBed.Context("ep-2"), new WriteManifestInput("ep-2", request, "completed", null, ShowEpisodes.T0, [], [], []));

        EpisodeManifest manifest = await bed.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest("ep-2"));
        Assert.Equal(Show, manifest.Request.Show);
        ManifestSeries series = Assert.IsType<ManifestSeries>(manifest.Series);
        Assert.Equal(new ManifestEarlierEpisode(1, "ep-1", "Durable workflows"), Assert.Single(series.Considered));
        Assert.Equal([1], series.ReferredTo);
        Assert.Equal(2, series.RecordedAs);
        Assert.Contains(manifest.Artifacts, x => x.Name == ArtifactNames.SeriesSnapshot("ep-2"));
    }

    [Fact]
    public async Task RecordInBible_ReplayedAndReRun_AppendsTheEpisodeOnce()
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);
        ShowEpisode first = await show.ProduceAsync("ep-1", Show, ShowEpisodes.OverlappingSources().First);
        var again = new RecordInBibleInput("ep-1", Show, ArtifactNames.Script("ep-1"), ArtifactNames.ResearchJson("ep-1"), Published: true, ShowEpisodes.T0.AddHours(1));

        RecordInBibleOutput replayed = await show.Recorder().RunAsync(ActivityBed.Context("ep-1"), again);
        RecordInBibleOutput rerun = await show.Recorder().RunAsync(ActivityBed.Context("ep-1"), again);

        ShowBible bible = (await show.Bibles.ReadAsync(Show, CancellationToken.None)).Bible;
        BibleEpisode only = Assert.Single(bible.Episodes);
        Assert.Equal<DateTime?>(ShowEpisodes.T0, only.RecordedAt);
        Assert.Equal([1, 1, 1], new[] { first.Recorded!.Number, replayed.Number, rerun.Number });
        Assert.Equal(2, bible.NextNumber);
    }

    [Fact]
    public async Task EpisodeOutsideAShow_NoSnapshotNoBibleAndNoEarlierEpisodesOnTheNotes()
    {
        await using ActivityBed bed = await new ActivityBed().WithModelAsync();
        var show = new ShowEpisodes(bed);

        ShowEpisode alone = await show.ProduceAsync("ep-alone", show: null, AgentTestData.Fixture().Text);

        Assert.False(await bed.ExistsAsync(ArtifactNames.SeriesSnapshot("ep-alone")));
        Assert.Null(alone.Research.Earlier);
        Assert.False(Directory.Exists(Path.Combine(bed.Store.Location, "shows")));
        Assert.DoesNotContain(alone.Script.Turns, t => t.Text.Contains("episode", StringComparison.OrdinalIgnoreCase));
    }
}
