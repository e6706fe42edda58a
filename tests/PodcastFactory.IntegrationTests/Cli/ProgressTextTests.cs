using PodcastFactory.Core.Tests.Fakes;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Local.Cli.Progress;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>Fast: the CLI's progress model and its two texts (no process, no console).</summary>
public sealed class ProgressTextTests
{
    static EpisodeProgress At(string stage, int percent, decimal cost = 0m, int warnings = 0) =>
        new(stage, percent, cost, Enumerable.Range(1, warnings).Select(i => $"warning {i}").ToList());

    [Fact]
    public void Read_PercentMovedFrom10To35In10Seconds_EstimatesTheRestAtThatPace()
    {
        var time = new ManualTime();
        var clock = new ProgressClock(time);
        clock.Read(At(Stages.Research, 10), "running");
        time.Advance(TimeSpan.FromSeconds(10));

        ProgressSnapshot snapshot = clock.Read(At(Stages.Script, 35, 0.0123m), "running");

        Assert.Equal(TimeSpan.FromSeconds(10), snapshot.Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(26), snapshot.Remaining);
    }

    [Fact]
    public void Read_PercentNotMovedYetOrNoProgressPublished_HasNoEstimate()
    {
        var time = new ManualTime();
        var clock = new ProgressClock(time);
        ProgressSnapshot pending = clock.Read(null, "pending");
        time.Advance(TimeSpan.FromSeconds(5));

        ProgressSnapshot first = clock.Read(At(Stages.Research, 40), "running");

        Assert.False(pending.HasProgress);
        Assert.Null(pending.Remaining);
        Assert.Null(first.Remaining);
        Assert.Equal(TimeSpan.Zero, clock.Read(At(Stages.Done, 100), "completed").Remaining);
    }

    [Fact]
    public void Bar_ScriptAtAThird_ShowsStageBarPercentElapsedEstimateCostAndWarnings()
    {
        var snapshot = new ProgressSnapshot(Stages.Script, 35, 0.0123m, 1, TimeSpan.FromSeconds(72), TimeSpan.FromSeconds(134));

        string bar = ProgressText.Bar(snapshot);

        Assert.Equal("script     ████████░░░░░░░░░░░░░░░░  35%  1:12 elapsed  ~2:14 left  $0.0123  1 warning", bar);
    }

    [Fact]
    public void Bar_NoEstimateYetAndLongRun_SaysEstimatingAndCountsHours()
    {
        var snapshot = new ProgressSnapshot(Stages.Audio, 60, 0m, 2, TimeSpan.FromMinutes(61) + TimeSpan.FromSeconds(5), null);

        string bar = ProgressText.Bar(snapshot);

        Assert.Contains(" 60%  1:01:05 elapsed  estimating  $0.0000  2 warnings", bar, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_OffATerminal_IsTheStageLineScriptsParse()
    {
        Assert.Equal("[ 35%] script    cost $0.0123", ProgressText.Line(new ProgressSnapshot(Stages.Script, 35, 0.0123m, 0, TimeSpan.FromSeconds(3), null)));
        Assert.Equal("[100%] done      cost $0.0000  warnings: 2", ProgressText.Line(new ProgressSnapshot(Stages.Done, 100, 0m, 2, TimeSpan.Zero, TimeSpan.Zero)));
        Assert.Equal("[  0%] pending", ProgressText.Line(new ProgressSnapshot("pending", 0, 0m, 0, TimeSpan.Zero, null, HasProgress: false)));
    }

    [Fact]
    public async Task ShowAsync_RedirectedOutput_WritesOneLineOnlyWhenWhatItSaysChanges()
    {
        using var output = new StringWriter();
        var lines = new StageLines(output);
        var time = new ManualTime();
        var clock = new ProgressClock(time);

        foreach (EpisodeProgress progress in new[] { At(Stages.Research, 10), At(Stages.Research, 10), At(Stages.Script, 35), At(Stages.Script, 35), At(Stages.Done, 100, 0.5m) })
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await lines.ShowAsync(clock.Read(progress, "running"));
        }

        Assert.Equal(["[ 10%] research  cost $0.0000", "[ 35%] script    cost $0.0000", "[100%] done      cost $0.5000"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
