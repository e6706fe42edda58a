using Moq;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow;

/// <summary>The polish stage's control flow in the episode orchestrator: after a passed gate only, and it never loses the passed draft.</summary>
public sealed class EpisodePolishTests
{
    [Fact]
    public async Task RunAsync_GatePasses_PolishesAfterTheLastReviewAndBeforeSpeechAndCostsItUnderPolish()
    {
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished, CostPerCall = 0.01m };
        harness.ReviewVerdicts.Enqueue(false);
        harness.ReviewVerdicts.Enqueue(true);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Empty(result.Warnings);
        List<string> order = harness.Calls.Select(c => c.Name).ToList();
        Assert.Equal(1, harness.Count(nameof(PolishScriptActivity)));
        Assert.True(order.IndexOf(nameof(PolishScriptActivity)) > order.LastIndexOf(nameof(ReviewScriptActivity)));
        Assert.True(order.IndexOf(nameof(PolishScriptActivity)) < order.IndexOf(nameof(PlanSegmentsActivity)));
        var polish = (PolishScriptInput)harness.Calls.Single(c => c.Name == nameof(PolishScriptActivity)).Input!;
        Assert.Equal(1, polish.PassedRevision);
        Assert.Contains("ep-test/scripts/script-2.json", result.Artifacts);
        Assert.Contains("ep-test/reviews/review-3.json", result.Artifacts);
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        StageRecord record = Assert.Single(manifest.Stages, s => s.Name == Stages.Polish);
        Assert.Equal(StageStatus.Completed, record.Status);
        Assert.StartsWith("polished", record.Detail, StringComparison.Ordinal);
        Assert.Equal([AgentNames.ScriptWriter, AgentNames.Evaluator], manifest.Ledger.Where(e => e.Stage == Stages.Polish).Select(e => e.Usage.Agent));
        Assert.Contains(harness.Progress, p => p.Stage == Stages.Polish);
    }

    [Fact]
    public async Task RunAsync_PolishedScriptFailsItsReview_KeepsThePassedDraftWithAWarning()
    {
        var harness = new OrchestrationHarness { Polish = PolishOutcome.KeptDraft };

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        string warning = Assert.Single(result.Warnings);
        Assert.StartsWith("polish: kept the passed draft: the polished script failed review", warning, StringComparison.Ordinal);
        // The audio voices script.json, which the activity leaves as the passed draft when the polish fails.
        var plan = (PlanSegmentsInput)harness.Calls.Single(c => c.Name == nameof(PlanSegmentsActivity)).Input!;
        Assert.Equal("ep-test/script.json", plan.ScriptArtifact);
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        Assert.Equal(StageStatus.Completed, Assert.Single(manifest.Stages, s => s.Name == Stages.Polish).Status);
    }

    [Fact]
    public async Task RunAsync_PolishActivityFails_GoesOnWithThePassedDraftAndWarns()
    {
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished };
        harness.Failing.Add(nameof(PolishScriptActivity));

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("polish:", StringComparison.Ordinal) && w.Contains("exploded", StringComparison.Ordinal));
        Assert.Equal(1, harness.Count(nameof(PlanSegmentsActivity)));
    }

    [Fact]
    public async Task RunAsync_GateFails_NeverPolishes()
    {
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished };
        for (int i = 0; i < 3; i++)
        {
            harness.ReviewVerdicts.Enqueue(false);
        }

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(EpisodeOutcome.NeedsReview, result.Outcome);
        Assert.Equal(0, harness.Count(nameof(PolishScriptActivity)));
    }

    [Fact]
    public async Task RunAsync_PolishFalse_SkipsWithoutCallingAndSaysSo()
    {
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished };

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Polish = false }));

        Assert.Equal(0, harness.Count(nameof(PolishScriptActivity)));
        Assert.Empty(result.Warnings);
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        StageRecord record = Assert.Single(manifest.Stages, s => s.Name == Stages.Polish);
        Assert.Equal((StageStatus.Skipped, "not requested (polish: false)"), (record.Status, record.Detail));
    }

    [Fact]
    public async Task RunAsync_WriterHasNoPolishPass_RecordsTheSkipWithItsReasonAndNoWarning()
    {
        var harness = new OrchestrationHarness();

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Empty(result.Warnings);
        var manifest = (WriteManifestInput)harness.Calls.Single(c => c.Name == nameof(WriteManifestActivity)).Input!;
        StageRecord record = Assert.Single(manifest.Stages, s => s.Name == Stages.Polish);
        Assert.Equal((StageStatus.Skipped, "offline writer: no second pass"), (record.Status, record.Detail));
    }

    [Fact]
    public async Task RunAsync_PolishOverBudget_SkipsItWithAWarningAndKeepsTheDraft()
    {
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished, CostPerCall = 0.1m };
        var estimates = new CostEstimates(0.1m, 0.1m, 0.1m, 0m, 0m);

        // Research (3 angles) + draft + review spend 0.5; the polish (writer + review) would need 0.2 more of 0.6.
        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(budget: 0.6m, estimates: estimates));

        Assert.Equal(0, harness.Count(nameof(PolishScriptActivity)));
        Assert.Contains(result.Warnings, w => w.StartsWith("polish: budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PolishFitsOnlyWithoutTheSpeech_SkipsThePolishAndVoicesThePassedDraft()
    {
        // The draft's 700 words are 4,200 characters of speech: $2.10 at $500 a million. The polish (writer + review, $2)
        // fits the $3 budget alone, but not beside the speech, which does fit alone: the audio keeps its money.
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished, PlannedCharacters = 4_200 };
        var estimates = new CostEstimates(0m, 1m, 1m, 0m, SpeechUsdPerMillionCharacters: 500m);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Priority = OutputPriority.Audio }, budget: 3m, estimates: estimates));

        Assert.Equal(0, harness.Count(nameof(PolishScriptActivity)));
        string warning = Assert.Single(result.Warnings);
        Assert.StartsWith("polish: budget", warning, StringComparison.Ordinal);
        Assert.Contains("the audio's speech ($2.1) comes first", warning, StringComparison.Ordinal);
        harness.Context.Verify(c => c.CallSubOrchestratorAsync<AudioOutput>(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.TaskOptions?>()), Times.Once);
        var plan = (PlanSegmentsInput)harness.Calls.Single(c => c.Name == nameof(PlanSegmentsActivity)).Input!;
        Assert.Equal("ep-test/script.json", plan.ScriptArtifact);
    }

    [Fact]
    public async Task RunAsync_NoAudioRequested_ReservesNoSpeechForThePolish()
    {
        // The same budget and prices as above, but a social-only episode has no speech to keep money for.
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished, PlannedCharacters = 4_200 };
        var estimates = new CostEstimates(0m, 1m, 1m, 0m, SpeechUsdPerMillionCharacters: 500m);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Priority = OutputPriority.Social }, budget: 3m, estimates: estimates));

        Assert.Equal(1, harness.Count(nameof(PolishScriptActivity)));
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("polish:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SpeechCannotFitTheBudgetAnyway_StillPolishes()
    {
        // $4.20 of speech never fits $3, so the audio stops at its own check whatever the polish does; the polish runs.
        var harness = new OrchestrationHarness { Polish = PolishOutcome.Polished, PlannedCharacters = 4_200 };
        var estimates = new CostEstimates(0m, 1m, 1m, 0m, SpeechUsdPerMillionCharacters: 1_000m);

        EpisodeResult result = await harness.RunAsync(OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Priority = OutputPriority.Audio }, budget: 3m, estimates: estimates));

        Assert.Equal(1, harness.Count(nameof(PolishScriptActivity)));
        Assert.Contains(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal) && w.Contains("budget", StringComparison.Ordinal));
    }
}
