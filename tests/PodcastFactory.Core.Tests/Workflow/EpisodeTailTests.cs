using Moq;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Workflow;

/// <summary>
/// The pipeline's tail (voice, quality, publish, manifest) run by both of its callers: a first production and a re-voice
/// of an edited script. Each behaviour is checked once for both, so the two cannot drift apart again.
/// </summary>
public sealed class EpisodeTailTests
{
    public enum Caller
    {
        Episode,
        Revoice,
    }

    [Theory]
    [InlineData(Caller.Episode, nameof(WriteManifestActivity))]
    [InlineData(Caller.Revoice, nameof(RecordRevisionActivity))]
    public async Task VoiceAndPublishAsync_BothCallers_RunTheSameStagesInOrderThenTheirManifestRecord(Caller caller, string manifest)
    {
        var harness = new OrchestrationHarness();

        await RunAsync(harness, caller);

        List<string> tail = harness.Calls.Select(c => c.Name).SkipWhile(n => n != nameof(PlanSegmentsActivity)).Where(n => n != nameof(WriteSocialPostActivity)).ToList();
        Assert.Equal([nameof(PlanSegmentsActivity), nameof(AudioOrchestrator), nameof(FinalEvaluationActivity), nameof(PublishEpisodeActivity), manifest], tail);
    }

    [Theory]
    [InlineData(Caller.Episode)]
    [InlineData(Caller.Revoice)]
    public async Task VoiceAndPublishAsync_BothCallers_PublishTheSameProgressFromAudioToDone(Caller caller)
    {
        var harness = new OrchestrationHarness();

        await RunAsync(harness, caller);

        Assert.Equal([Stages.Audio, Stages.Quality, Stages.Publish, Stages.Manifest, Stages.Done], harness.Progress.Select(p => p.Stage).SkipWhile(s => s != Stages.Audio));
        Assert.Equal(100, harness.Progress[^1].Percent);
    }

    [Theory]
    [InlineData(Caller.Episode)]
    [InlineData(Caller.Revoice)]
    public async Task VoiceAndPublishAsync_BothCallers_LogTheTailStagesWithTheEpisodeEventIds(Caller caller)
    {
        var harness = new OrchestrationHarness();

        await RunAsync(harness, caller);

        // 1002 stage started, 1003 stage completed: the same ids whichever flow ran the stage.
        Assert.Equal([Stages.Audio, Stages.Quality, Stages.Publish], harness.Log.Stages(1002).SkipWhile(s => s != Stages.Audio));
        Assert.Equal([Stages.Audio, Stages.Quality, Stages.Publish], harness.Log.Stages(1003).SkipWhile(s => s != Stages.Audio));
    }

    [Theory]
    [InlineData(Caller.Episode)]
    [InlineData(Caller.Revoice)]
    public async Task VoiceAndPublishAsync_PublishFails_OneWarningAndTheManifestIsStillRecorded(Caller caller)
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(PublishEpisodeActivity));

        IReadOnlyList<string> warnings = await RunAsync(harness, caller);

        Assert.Single(warnings, w => w.StartsWith("publish:", StringComparison.Ordinal) && w.Contains("exploded", StringComparison.Ordinal));
        Assert.Equal(1, harness.Count(caller == Caller.Episode ? nameof(WriteManifestActivity) : nameof(RecordRevisionActivity)));
        Assert.Equal([Stages.Publish], harness.Log.Stages(1004));
    }

    [Fact]
    public async Task VoiceAndPublishAsync_RevoiceSpeechOverBudget_FailsTheAudioStageWithTheEpisodesBudgetStopBeforeAnySpeech()
    {
        // The plan's 1,000,000 characters at $15 per million: $15 of speech against a $1 budget.
        var harness = new OrchestrationHarness();
        var estimates = new CostEstimates(0, 0, 0, 0, SpeechUsdPerMillionCharacters: 15m);

        var ex = await Assert.ThrowsAsync<EpisodeStageFailedException>(() => harness.RunRevoiceAsync(OrchestrationHarness.RevoiceInput(budget: 1m, estimates: estimates)));

        Assert.Equal(Stages.Audio, ex.Stage);
        Assert.Contains("budget of $1 would be exceeded", ex.Message, StringComparison.Ordinal);
        harness.Context.Verify(c => c.CallSubOrchestratorAsync<AudioOutput>(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.TaskOptions?>()), Times.Never);
        Assert.Equal(0, harness.Count(nameof(RecordRevisionActivity)));
        // 1006 budget stop, 1004 stage failed, 1008 run failed: as an episode's critical stage logs them.
        Assert.Equal([1006, 1004, 1008], harness.Log.Entries.Select(e => e.EventId).Where(id => id is 1006 or 1004 or 1008));
    }

    [Fact]
    public async Task VoiceAndPublishAsync_RevoiceAudioFails_FailsTheRunNamingTheAudioStage()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(AudioOrchestrator));

        var ex = await Assert.ThrowsAsync<EpisodeStageFailedException>(() => harness.RunRevoiceAsync(OrchestrationHarness.RevoiceInput()));

        Assert.Equal(Stages.Audio, ex.Stage);
        Assert.Equal(0, harness.Count(nameof(PublishEpisodeActivity)));
    }

    [Theory]
    [InlineData(Caller.Episode)]
    [InlineData(Caller.Revoice)]
    public async Task VoiceAndPublishAsync_BothCallers_CreditTheModelsThroughModelCredits(Caller caller)
    {
        var harness = new OrchestrationHarness();

        await RunAsync(harness, caller);

        var publish = (PublishRequest)harness.Calls.Single(c => c.Name == nameof(PublishEpisodeActivity)).Input!;
        Assert.Equal(["notes.md"], publish.SourceNames);
        // A re-voice credits its first production's models first, then the speech it paid for itself.
        IReadOnlyList<string> expected = caller == Caller.Episode
            ? [$"{AgentNames.Research}: test", $"{AgentNames.ScriptWriter}: test", $"{AgentNames.Evaluator}: test", $"{AgentNames.SocialWriter}: test", $"{AgentNames.AudioSynthesizer}: test"]
            : ["script-writer: azure-openai gpt-4o", $"{AgentNames.AudioSynthesizer}: test"];
        Assert.Equal(expected, publish.Models);
    }

    static async Task<IReadOnlyList<string>> RunAsync(OrchestrationHarness harness, Caller caller)
    {
        if (caller == Caller.Episode)
        {
            EpisodeResult episode = await harness.RunAsync(OrchestrationHarness.Input());
            return episode.Warnings;
        }

        RevoiceResult revoice = await harness.RunRevoiceAsync(OrchestrationHarness.RevoiceInput(models: ["script-writer: azure-openai gpt-4o"]));
        return revoice.Warnings;
    }
}
