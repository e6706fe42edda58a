using Moq;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Workflow;

public sealed class EpisodeOrchestratorTests
{
    [Theory]
    [InlineData(ResearchDepth.Quick, 2)]
    [InlineData(ResearchDepth.Standard, 3)]
    [InlineData(ResearchDepth.Deep, 5)]
    public async Task RunAsync_Depth_FansOutOneResearchActivityPerAngle(ResearchDepth depth, int expected)
    {
        var harness = new OrchestrationHarness();

        await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Depth = depth }));

        var angles = harness.Calls.Where(c => c.Name == nameof(ResearchAngleActivity)).Select(c => (ResearchAngleInput)c.Input!).ToList();
        Assert.Equal(expected, angles.Count);
        Assert.Equal(Enumerable.Range(0, expected), angles.Select(a => a.AngleIndex));
        Assert.Equal(expected, angles.Select(a => a.Angle).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_AllStagesSucceed_CompletesWithEveryArtifactAndNoWarnings()
    {
        var harness = new OrchestrationHarness();

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Empty(result.Warnings);
        Assert.Contains("ep-test/episode.wav", result.Artifacts);
        Assert.Contains("ep-test/social.md", result.Artifacts);
        Assert.Contains("ep-test/manifest.json", result.Artifacts);
        Assert.Equal(1, harness.Count(nameof(WriteManifestActivity)));
    }

    [Fact]
    public async Task RunAsync_ScriptFarShorterThanTheMinutesAsked_WarnsWithTheAchievableMinutes()
    {
        var harness = new OrchestrationHarness();

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = 10 }));

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        string warning = Assert.Single(result.Warnings);
        Assert.StartsWith("length: the material fills about 4.5 of the 10 minutes requested (700 of 1500 words", warning, StringComparison.Ordinal);
        Assert.Contains(harness.Progress, p => p.Warnings.Contains(warning));
    }

    [Fact]
    public async Task RunAsync_AudioProduced_PublishesAfterTheFinalEvaluationAndListsWhatItWrote()
    {
        var harness = new OrchestrationHarness();

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        List<string> order = harness.Calls.Select(c => c.Name).ToList();
        Assert.True(order.IndexOf(nameof(PublishEpisodeActivity)) > order.IndexOf(nameof(FinalEvaluationActivity)));
        Assert.True(order.IndexOf(nameof(PublishEpisodeActivity)) < order.IndexOf(nameof(WriteManifestActivity)));
        var input = (PublishRequest)harness.Calls.Single(c => c.Name == nameof(PublishEpisodeActivity)).Input!;
        Assert.Equal(["ep-test/audio/segment-001.wav"], input.SegmentArtifacts);
        Assert.Equal(OrchestrationHarness.T0, input.PublishedAt);
        Assert.Contains("ep-test/episode.mp3", result.Artifacts);
        Assert.Contains("ep-test/transcript.vtt", result.Artifacts);
    }

    [Fact]
    public async Task RunAsync_PublishFails_EndsPartialWithAWarning()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(PublishEpisodeActivity));

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Partial, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("publish:", StringComparison.Ordinal) && w.Contains("exploded", StringComparison.Ordinal));
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        Assert.Equal("partial", manifest.Status);
    }

    [Fact]
    public async Task RunAsync_MasterMissesTheTarget_CompletesWithTheFiguresAsAManifestWarning()
    {
        var harness = new OrchestrationHarness { PublishWarning = "episode.mp3 misses the loudness target after 3 passes: -16.74 LUFS (target -16.0 ± 0.5 LU)" };

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        Assert.Contains(manifest.Warnings, w => w.StartsWith("publish:", StringComparison.Ordinal) && w.Contains("-16.74 LUFS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoAudio_SkipsPublishAndCompletes()
    {
        var harness = new OrchestrationHarness();

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Priority = OutputPriority.Social }));

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Equal(0, harness.Count(nameof(PublishEpisodeActivity)));
    }

    [Fact]
    public async Task RunAsync_SocialFails_EndsPartialWithAudioAndRecordsWarning()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(WriteSocialPostActivity));

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Partial, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("social:", StringComparison.Ordinal) && w.Contains("exploded", StringComparison.Ordinal));
        Assert.Contains("ep-test/episode.wav", result.Artifacts);
        Assert.DoesNotContain("ep-test/social.md", result.Artifacts);
    }

    [Fact]
    public async Task RunAsync_AudioFails_EndsPartialWithSocialAndRecordsWarning()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(PlanSegmentsActivity));

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Partial, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal));
        Assert.Contains("ep-test/social.md", result.Artifacts);
        Assert.Null(result.AudioSeconds);
    }

    [Theory]
    [InlineData(nameof(ResearchAngleActivity), Stages.Research)]
    [InlineData(nameof(MergeResearchActivity), Stages.Research)]
    [InlineData(nameof(WriteScriptActivity), Stages.Script)]
    [InlineData(nameof(ReviewScriptActivity), Stages.Review)]
    public async Task RunAsync_CriticalStageFails_FailsEpisodeNamingStageAndWritesManifest(string activity, string stage)
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(activity);

        var ex = await Assert.ThrowsAsync<EpisodeStageFailedException>(() => harness.RunAsync(OrchestrationHarness.Input()));

        Assert.Equal(stage, ex.Stage);
        Assert.Contains($"Stage '{stage}' failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("exploded", ex.Message, StringComparison.Ordinal);
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        Assert.Equal("failed", manifest.Status);
        Assert.Equal(0, harness.Count(nameof(PlanSegmentsActivity)));
    }

    [Fact]
    public async Task RunAsync_ReviewAlwaysFails_RevisesAtMostMaxRevisionsThenNeedsReviewWithoutSpeech()
    {
        var harness = new OrchestrationHarness();
        for (int i = 0; i < 10; i++)
        {
            harness.ReviewVerdicts.Enqueue(false);
        }

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", MaxRevisions = 2 }));

        Assert.Equal(EpisodeOutcome.NeedsReview, result.Outcome);
        Assert.Equal(3, harness.Count(nameof(WriteScriptActivity)));
        Assert.Equal(3, harness.Count(nameof(ReviewScriptActivity)));
        Assert.Equal(0, harness.Count(nameof(PlanSegmentsActivity)));
        Assert.Equal(0, harness.Count(nameof(WriteSocialPostActivity)));
    }

    [Fact]
    public async Task RunAsync_ReviewPassesOnSecondRevision_StopsRevisingAndProducesAudio()
    {
        var harness = new OrchestrationHarness();
        harness.ReviewVerdicts.Enqueue(false);
        harness.ReviewVerdicts.Enqueue(true);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Equal(2, harness.Count(nameof(WriteScriptActivity)));
        var revisions = harness.Calls.Where(c => c.Name == nameof(WriteScriptActivity)).Select(c => ((WriteScriptInput)c.Input!).Revision);
        Assert.Equal([0, 1], revisions);
    }

    [Fact]
    public async Task RunAsync_FailedReviewWithContinueAnyway_ProducesAudioAndWarns()
    {
        var harness = new OrchestrationHarness();
        for (int i = 0; i < 3; i++)
        {
            harness.ReviewVerdicts.Enqueue(false);
        }

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", ContinueOnFailedReview = true }));

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("review:", StringComparison.Ordinal));
        Assert.Equal(1, harness.Count(nameof(PlanSegmentsActivity)));
    }

    [Fact]
    public async Task RunAsync_SpeechWouldExceedBudget_SkipsAudioAndEndsPartial()
    {
        var harness = new OrchestrationHarness();
        var estimates = new CostEstimates(0, 0, 0, 0, SpeechUsdPerMillionCharacters: 15m);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(budget: 1m, estimates: estimates));

        Assert.Equal(EpisodeOutcome.Partial, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal) && w.Contains("budget", StringComparison.Ordinal));
        harness.Context.Verify(c => c.CallSubOrchestratorAsync<AudioOutput>(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_SocialWouldExceedBudget_SkipsSocialCall()
    {
        var harness = new OrchestrationHarness();
        var estimates = new CostEstimates(0, 0, 0, SocialCallUsd: 5m, 0);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(budget: 1m, estimates: estimates));

        Assert.Equal(0, harness.Count(nameof(WriteSocialPostActivity)));
        Assert.Contains(result.Warnings, w => w.StartsWith("social:", StringComparison.Ordinal) && w.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BudgetFitsSpeechOrSocialButNotBoth_KeepsTheAudioAndSkipsTheSocialPost()
    {
        // The plan's 1,000,000 characters at $15 per million: speech $15, the post $6, the budget $20.
        var harness = new OrchestrationHarness();
        var estimates = new CostEstimates(0, 0, 0, SocialCallUsd: 6m, SpeechUsdPerMillionCharacters: 15m);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(budget: 20m, estimates: estimates));

        Assert.Equal(0, harness.Count(nameof(WriteSocialPostActivity)));
        Assert.Contains(result.Warnings, w => w.StartsWith("social:", StringComparison.Ordinal) && w.Contains("comes first", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal));
        harness.Context.Verify(c => c.CallSubOrchestratorAsync<AudioOutput>(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_BudgetTooSmallForTheSpeechAlone_StillWritesTheSocialPost()
    {
        // Speech $15 cannot fit a $10 budget whatever happens, so it reserves nothing: the $6 post runs.
        var harness = new OrchestrationHarness();
        var estimates = new CostEstimates(0, 0, 0, SocialCallUsd: 6m, SpeechUsdPerMillionCharacters: 15m);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(budget: 10m, estimates: estimates));

        Assert.Equal(1, harness.Count(nameof(WriteSocialPostActivity)));
        Assert.Contains(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal) && w.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CriticalCallWouldExceedBudget_FailsBeforeCallingIt()
    {
        var harness = new OrchestrationHarness { CostPerCall = 0.4m };
        var estimates = new CostEstimates(0.1m, ScriptCallUsd: 0.5m, 0.1m, 0.1m, 0);

        var ex = await Assert.ThrowsAsync<EpisodeStageFailedException>(() => harness.RunAsync(OrchestrationHarness.Input(budget: 1m, estimates: estimates)));

        Assert.Equal(Stages.Script, ex.Stage);
        Assert.Contains("budget", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Count(nameof(WriteScriptActivity)));
    }

    [Fact]
    public async Task RunAsync_JournalKnowsMoreThanTheLedger_BudgetUsesTheJournal()
    {
        // Research attempts that failed before the one that succeeded paid $0.95: only the cost journal knows.
        var harness = new OrchestrationHarness { JournalOnlyUsd = 0.95m };
        var estimates = new CostEstimates(0, ScriptCallUsd: 0.1m, 0, 0, 0);

        var ex = await Assert.ThrowsAsync<EpisodeStageFailedException>(() => harness.RunAsync(OrchestrationHarness.Input(budget: 1m, estimates: estimates)));

        Assert.Equal(Stages.Script, ex.Stage);
        Assert.Contains("spent $0.95", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Count(nameof(WriteScriptActivity)));
    }

    [Fact]
    public async Task RunAsync_NoBudget_NeverReadsTheJournal()
    {
        var harness = new OrchestrationHarness();

        await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(0, harness.Count(nameof(EpisodeCostActivity)));
    }

    [Theory]
    [InlineData(OutputPriority.Audio, 0, 1)]
    [InlineData(OutputPriority.Social, 1, 0)]
    [InlineData(OutputPriority.Both, 1, 1)]
    public async Task RunAsync_Priority_RunsOnlyRequestedOutputs(OutputPriority priority, int socialCalls, int audioPlans)
    {
        var harness = new OrchestrationHarness();

        await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Priority = priority }));

        Assert.Equal(socialCalls, harness.Count(nameof(WriteSocialPostActivity)));
        Assert.Equal(audioPlans, harness.Count(nameof(PlanSegmentsActivity)));
    }

    [Fact]
    public async Task RunAsync_ApprovalRejected_EndsRejectedWithTheReasonAndWithoutSpeech()
    {
        var harness = new OrchestrationHarness { Approval = new ApprovalDecision(false, "editor", "tone is off") };

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", RequireApproval = true }));

        Assert.Equal(EpisodeOutcome.Rejected, result.Outcome);
        Assert.Equal(0, harness.Count(nameof(PlanSegmentsActivity)));
        Assert.Equal(0, harness.Count(nameof(PublishEpisodeActivity)));
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        Assert.Equal("rejected", manifest.Status);
        Assert.Contains("tone is off", manifest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CriticalStageFails_ManifestErrorNamesStageAndReasonWithoutTaskInternals()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(WriteScriptActivity));
        harness.FailureMessages[nameof(WriteScriptActivity)] = "Task 'WriteScriptActivity' (#12) failed with an unhandled exception: the model refused";

        await Assert.ThrowsAsync<EpisodeStageFailedException>(() => harness.RunAsync(OrchestrationHarness.Input()));

        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        Assert.Equal("Stage 'script' failed: the model refused", manifest.Error);
        Assert.DoesNotContain("(#", manifest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AudioFails_WarningNamesTheReasonWithoutTaskInternals()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(AudioOrchestrator));
        harness.FailureMessages[nameof(AudioOrchestrator)] = "Task 'SynthesizeSegmentActivity' (#27) failed with an unhandled exception: Voice 'xx' does not exist.";

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Contains("audio: Voice 'xx' does not exist.", result.Warnings);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("Task '", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("the script has not passed review (status needs-review)", false)]
    [InlineData(null, true)]
    public async Task RunRevoiceAsync_PublishHeldOrNot_PublishesOnlyApprovedWork(string? held, bool publishes)
    {
        var harness = new OrchestrationHarness();

        RevoiceResult result = await harness.RunRevoiceAsync(held);

        Assert.Equal(publishes, result.Published);
        Assert.Equal(publishes ? 1 : 0, harness.Count(nameof(PublishEpisodeActivity)));
        Assert.Equal(1, harness.Count(nameof(AudioOrchestrator)));
        Assert.Equal(!publishes, result.Warnings.Contains("publish: held: " + held));
    }

    [Fact]
    public async Task RunAsync_ApprovalGrantedAfterFailedReview_PersonDecidesAndAudioRuns()
    {
        var harness = new OrchestrationHarness { Approval = new ApprovalDecision(true, "editor") };
        for (int i = 0; i < 3; i++)
        {
            harness.ReviewVerdicts.Enqueue(false);
        }

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", RequireApproval = true }));

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Equal(1, harness.Count(nameof(PlanSegmentsActivity)));
    }

    [Fact]
    public async Task RunAsync_ApprovalTimesOut_NeedsReviewWithWarning()
    {
        var harness = new OrchestrationHarness { Approval = null };

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", RequireApproval = true, ApprovalTimeoutHours = 1 }));

        Assert.Equal(EpisodeOutcome.NeedsReview, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("approval:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_EveryStage_PublishesTypedProgressEndingAtDone()
    {
        var harness = new OrchestrationHarness();

        await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(Stages.Research, harness.Progress[0].Stage);
        Assert.Equal(Stages.Done, harness.Progress[^1].Stage);
        Assert.Equal(100, harness.Progress[^1].Percent);
        Assert.Contains(harness.Progress, p => p.Stage == Stages.Audio);
    }

    [Fact]
    public async Task RunAsync_ModelCalls_UseLlmRetryPolicyAndStorageCallsUseStoragePolicy()
    {
        var harness = new OrchestrationHarness();

        await harness.RunAsync(OrchestrationHarness.Input());

        Assert.All(harness.Calls.Where(c => c.Name is nameof(ResearchAngleActivity) or nameof(WriteScriptActivity) or nameof(ReviewScriptActivity) or nameof(WriteSocialPostActivity)),
            c => Assert.Same(RetryPolicies.LlmOptions, c.Options));
        Assert.All(harness.Calls.Where(c => c.Name is nameof(MergeResearchActivity) or nameof(WriteManifestActivity)),
            c => Assert.Same(RetryPolicies.StorageOptions, c.Options));
    }
}
