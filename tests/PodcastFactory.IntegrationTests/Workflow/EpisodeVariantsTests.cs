using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.IntegrationTests.Workflow;

public sealed class EpisodeVariantsTests
{
    [Fact]
    public async Task Produce_NoSourcesAndNoSearchProvider_IsRefusedBeforeAnythingStarts()
    {
        await using var runner = new LocalEpisodeRunner();

        var ex = await Assert.ThrowsAsync<Core.Workflow.Starting.RequestValidationException>(() =>
            runner.ProduceAsync(new EpisodeRequest { Topic = "Quantum gardening", Priority = OutputPriority.Social }, "no-sources"));

        ValidationError error = Assert.Single(ex.Errors);
        Assert.Equal("sources", error.Field);
        Assert.Contains("Search__Provider", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(runner.PathOf("no-sources")));
    }

    [Fact]
    public async Task Produce_SocialPriority_ProducesNoAudio()
    {
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(OutputPriority.Social), "social-only");

        Assert.NotNull(result);
        Assert.False(Directory.Exists(runner.PathOf("social-only/audio")));
        Assert.True(File.Exists(runner.PathOf("social-only/social.md")));
        Assert.Null(result.AudioSeconds);
    }

    [Fact]
    public async Task Produce_FliteAndEspeakMissing_AudioFailsSoftEpisodeIsPartialWithInstallHint()
    {
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(OutputPriority.Both), "no-espeak",
            new Dictionary<string, string?>
            {
                ["Speech:Espeak:ExecutablePath"] = "/nonexistent/espeak-ng",
                ["Speech:Flite:ExecutablePath"] = "/nonexistent/flite",
            });

        Assert.NotNull(result);
        Assert.Equal(EpisodeOutcome.Partial, result.Outcome);
        string warning = Assert.Single(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal));
        Assert.Contains("espeak-ng", warning, StringComparison.Ordinal);
        Assert.Contains("apt-get install", warning, StringComparison.Ordinal);
        Assert.True(File.Exists(runner.PathOf("no-espeak/social.md")));
    }

    [Fact]
    public async Task Produce_SameIdAgainOnSameFolder_ReusesFinishedWorkAsCacheHits()
    {
        await using var runner = new LocalEpisodeRunner();
        await runner.ProduceAsync(Request(OutputPriority.Both), "rerun");

        (OrchestrationMetadata metadata, EpisodeResult? second) = await runner.ProduceAsync(Request(OutputPriority.Both), "rerun");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var manifest = System.Text.Json.JsonSerializer.Deserialize<Core.Workflow.Activities.EpisodeManifest>(
            await File.ReadAllTextAsync(runner.PathOf("rerun/manifest.json")), Core.Models.PodcastJson.Options)!;
        Assert.All(manifest.Costs.Calls, c => Assert.True(c.Usage.CacheHit, $"{c.Usage.Agent} ran again"));
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Produce_InvalidRequest_IsRefusedBeforeAnythingStarts()
    {
        await using var runner = new LocalEpisodeRunner();

        var ex = await Assert.ThrowsAsync<Core.Workflow.Starting.RequestValidationException>(() =>
            runner.ProduceAsync(new EpisodeRequest { Topic = "x", TargetMinutes = 90 }, "bad"));

        Assert.Contains(ex.Errors, e => e.Field == "topic");
        Assert.Contains(ex.Errors, e => e.Field == "targetMinutes");
        Assert.False(Directory.Exists(runner.PathOf("bad")));
    }

    static EpisodeRequest Request(OutputPriority priority) => new()
    {
        Topic = "How durable workflows recover from crashes",
        Sources = [new SourceInput(SourceKind.File, LocalEpisodeRunner.Fixture("durable-workflows.md"))],
        TargetMinutes = 2,
        Priority = priority,
    };
}
