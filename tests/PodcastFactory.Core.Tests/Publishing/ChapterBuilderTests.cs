using System.Text.Json;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Tests.Publishing;

public sealed class ChapterBuilderTests
{
    // Turn t is segment t, starting at 10 t seconds with its speech 0.5 s later.
    static (SegmentPlan, EpisodeTimeline) Layout(int turns) =>
        (new SegmentPlan(Enumerable.Range(0, turns).Select(i => new AudioSegment(i, "A", "v", "x", 0, i)).ToList(), AudioFormat.Wav),
         new EpisodeTimeline(22050, turns * 10, Enumerable.Range(0, turns).Select(i => new TimelineSegment(i, i * 10, (i * 10) + 9, (i * 10) + 0.5, (i * 10) + 9, [])).ToList()));

    [Fact]
    public void Build_TurnsWithChapterTitles_OneChapterPerTitledTurnAtItsSpeech()
    {
        (SegmentPlan plan, EpisodeTimeline timeline) = Layout(6);
        var script = new Script("Episode", [
            new("A", "Hello.", Chapter: "Intro"), new("B", "Hi."), new("A", "So.", Chapter: "How replay works"),
            new("B", "Yes."), new("A", "Finally.", Chapter: "Wrap-up"), new("B", "Bye.")], 0);

        IReadOnlyList<EpisodeChapter> chapters = ChapterBuilder.Build(script, plan, timeline, 8);

        Assert.Equal([(0.0, 20.5, "Intro"), (20.5, 40.5, "How replay works"), (40.5, 60.0, "Wrap-up")], chapters.Select(c => (c.Start, c.End, c.Title)));
    }

    [Fact]
    public void Build_NoTitles_FallsBackToEveryNTurnsTitledFromContent()
    {
        (SegmentPlan plan, EpisodeTimeline timeline) = Layout(6);
        var script = new Script("Durable workflows", [
            new("A", "Welcome."), new("B", "Hi."), new("A", "That's a helpful way to put it, really."),
            new("B", "Checkpoints let a workflow resume after a crash without redoing work.", Claims: [3]), new("A", "Yes."), new("B", "Bye.")], 0);

        IReadOnlyList<EpisodeChapter> chapters = ChapterBuilder.Build(script, plan, timeline, turnsPerChapter: 2);

        Assert.Equal(["Durable workflows", "Checkpoints let a workflow resume after a crash…", "Yes"], chapters.Select(c => c.Title));
        Assert.Equal([0.0, 20.5, 40.5], chapters.Select(c => c.Start));
    }

    [Fact]
    public void Write_Chapters_IsPodcasting20Json()
    {
        string json = ChaptersJson.Write([new EpisodeChapter(0, 12.3456, "Intro"), new EpisodeChapter(12.3456, 30, "Sam's part")], "Ep");

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("1.2.0", document.RootElement.GetProperty("version").GetString());
        JsonElement second = document.RootElement.GetProperty("chapters")[1];
        Assert.Equal(12.346, second.GetProperty("startTime").GetDouble());
        Assert.Equal("Sam's part", second.GetProperty("title").GetString());
        Assert.Contains("\"Sam's part\"", json, StringComparison.Ordinal);
    }
}
