using System.Text.Json;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.IntegrationTests.Workflow;

public sealed class WholeEpisodeTests(WholeEpisodeFixture episode) : IClassFixture<WholeEpisodeFixture>
{
    static readonly string[] _expected =
    [
        "research/angle-1.md", "research/angle-2.md", "research/angle-3.md", "research.md", "script.json", "script.md",
        "reviews/review-1.json", "social.md", "audio/segments.json", "episode.wav", "quality.json", "manifest.json",
    ];

    [Fact]
    public void Produce_WithSource_WritesEveryPromisedArtifact()
    {
        Assert.Equal(EpisodeOutcome.Completed, episode.Result.Outcome);
        foreach (string name in _expected)
        {
            var file = new FileInfo(episode.Runner.PathOf($"{episode.Id}/{name}"));
            Assert.True(file.Exists && file.Length > 0, $"{name} is missing or empty");
        }

        // Speech is content-addressed: every planned segment's audio is stored under the name the plan gives it.
        SegmentPlan plan = Read<SegmentPlan>("audio/segments.json");
        Assert.All(plan.Segments, s => Assert.Matches($"^{episode.Id}/speech/[0-9a-f]{{64}}\\.wav$", s.Speech));
        Assert.All(plan.Segments, s => Assert.True(new FileInfo(episode.Runner.PathOf(s.Speech!)).Length > 44, $"{s.Speech} is missing"));
    }

    [Fact]
    public void Produce_WithSource_ScriptStatesTheTopResearchedPoints()
    {
        var research = Read<ResearchNotes>("research.json");
        var script = Read<Script>("script.json");
        string spoken = string.Join(" ", script.Turns.Select(t => t.Text));

        Assert.True(research.HasSources);
        Assert.True(research.Notes.Count >= 5);
        foreach (ResearchNote note in research.Notes.Take(5))
        {
            Assert.Contains(note.Text.TrimEnd('.'), spoken, StringComparison.Ordinal);
            Assert.Equal("durable-workflows.md", note.Source);
        }
    }

    [Fact]
    public async Task Produce_WithSource_EpisodeWavIsValidAndItsDurationFitsTheWordCount()
    {
        var script = Read<Script>("script.json");
        await using FileStream wav = File.OpenRead(episode.Runner.PathOf($"{episode.Id}/episode.wav"));

        WavHeader header = await WavHeader.ReadAsync(wav, CancellationToken.None);
        TimeSpan duration = WavDuration.FromDataLength(header.DataLength!.Value, header.Format);

        Assert.Equal(wav.Length, header.DataOffset + header.DataLength);
        double wordsPerMinute = script.WordCount / duration.TotalMinutes;
        Assert.InRange(wordsPerMinute, 100, 220);
        Assert.Equal(episode.Result.AudioSeconds!.Value, duration.TotalSeconds, precision: 1);
    }

    [Fact]
    public void Produce_WithSource_ManifestSumsCostsPerAgentAndRecordsEveryCall()
    {
        var manifest = Read<EpisodeManifest>("manifest.json");
        var segments = Read<SegmentPlan>("audio/segments.json");

        Assert.Equal("completed", manifest.Status);
        AgentCostSummary speech = manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.AudioSynthesizer);
        Assert.Equal(segments.Segments.Count, speech.Calls);
        Assert.Equal(segments.Segments.Sum(s => s.Text.Length), speech.Units);
        Assert.Equal("characters", speech.UnitKind);
        Assert.Equal(3, manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.Research).Calls);
        Assert.All(manifest.Costs.Calls, c => Assert.True(c.Usage.DurationMs >= 0));
        Assert.Equal(manifest.Costs.Calls.Sum(c => c.Usage.CostUsd), manifest.Costs.TotalUsd);
        Assert.Contains(manifest.Stages, s => s.Name == Stages.Audio && s.Status == StageStatus.Completed);
    }

    [Fact]
    public void Produce_Offline_PolishStageIsRecordedAsSkippedWithItsReasonAndCostsNothing()
    {
        var manifest = Read<EpisodeManifest>("manifest.json");

        StageRecord polish = Assert.Single(manifest.Stages, s => s.Name == Stages.Polish);
        Assert.Equal((StageStatus.Skipped, OfflineScriptAgent.PassThroughReason), (polish.Status, polish.Detail));
        Assert.DoesNotContain(manifest.Costs.Calls, c => c.Stage == Stages.Polish);
        Assert.DoesNotContain(manifest.Warnings, w => w.StartsWith("polish", StringComparison.Ordinal));
    }

    [Fact]
    public void Produce_WithSource_QualityReportPassesEveryCheck()
    {
        var quality = Read<QualityReport>("quality.json");

        Assert.True(quality.Passed, string.Join("; ", quality.Checks.Select(c => c.Detail)));
        Assert.Equal(["research", "script", "audio", "social"], quality.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Produce_WithSource_SocialPostFitsThePlatformLimit()
    {
        SocialPost post = SocialMarkdown.Parse(File.ReadAllText(episode.Runner.PathOf($"{episode.Id}/social.md")));

        Assert.InRange(post.Text.Length, 20, post.MaxLength);
    }

    T Read<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(episode.Runner.PathOf($"{episode.Id}/{name}")), PodcastJson.Options)!;
}
