using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Workflow.Series;

/// <summary>Where series memory runs in the episode's control flow, and that it never fails an episode.</summary>
public sealed class SeriesMemoryOrchestrationTests
{
    static EpisodeInput InShow() => OrchestrationHarness.Input(new EpisodeRequest { Topic = "Durable workflows", Show = "weekly" });

    [Fact]
    public async Task RunAsync_EpisodeOfAShow_ReadsTheBibleBeforeResearchAndRecordsAfterPublishBeforeTheManifest()
    {
        var harness = new OrchestrationHarness();

        EpisodeResult result = await harness.RunAsync(InShow());

        List<string> order = [.. harness.Calls.Select(c => c.Name)];
        Assert.Equal(nameof(ReadShowBibleActivity), order[0]);
        Assert.Equal(nameof(ResearchAngleActivity), order[1]);
        int record = order.IndexOf(nameof(RecordInBibleActivity));
        Assert.True(record > order.IndexOf(nameof(PublishEpisodeActivity)) && record < order.IndexOf(nameof(WriteManifestActivity)), string.Join(", ", order));
        Assert.Equal(new ReadShowBibleInput("ep-test", "weekly"), harness.Calls[0].Input);
        var recorded = (RecordInBibleInput)harness.Calls[record].Input!;
        Assert.Equal(("weekly", "ep-test/script.json", "ep-test/research.json", true, OrchestrationHarness.T0),
            (recorded.Show, recorded.ScriptArtifact, recorded.ResearchArtifact, recorded.Published, recorded.RecordedAt));
        Assert.Contains("ep-test/series/earlier.json", result.Artifacts);
        Assert.Contains("ep-test/series/entry.json", result.Artifacts);
        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_DefaultShow_TouchesNoBible()
    {
        var harness = new OrchestrationHarness();

        await harness.RunAsync(OrchestrationHarness.Input());

        Assert.Equal(0, harness.Count(nameof(ReadShowBibleActivity)) + harness.Count(nameof(RecordInBibleActivity)));
    }

    [Fact]
    public async Task RunAsync_PublishFailed_StillRecordsTheEpisodeWithoutLinks()
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(nameof(PublishEpisodeActivity));

        await harness.RunAsync(InShow());

        var recorded = (RecordInBibleInput)harness.Calls.Single(c => c.Name == nameof(RecordInBibleActivity)).Input!;
        Assert.False(recorded.Published);
    }

    [Theory]
    [InlineData(nameof(ReadShowBibleActivity), "series memory: the bible of show 'weekly' could not be read")]
    [InlineData(nameof(RecordInBibleActivity), "series memory: the episode was not recorded in the bible of show 'weekly'")]
    public async Task RunAsync_BibleStepFails_OneWarningAndTheEpisodeCompletes(string failing, string warning)
    {
        var harness = new OrchestrationHarness();
        harness.Failing.Add(failing);

        EpisodeResult result = await harness.RunAsync(InShow());

        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Assert.StartsWith(warning, Assert.Single(result.Warnings), StringComparison.Ordinal);
        Assert.Equal(1, harness.Count(nameof(WriteManifestActivity)));
    }

    [Fact]
    public async Task RunRevoiceAsync_AnyEpisode_LeavesTheBibleAsTheFirstProductionRecordedIt()
    {
        var harness = new OrchestrationHarness();
        RevoiceInput input = OrchestrationHarness.RevoiceInput();

        await harness.RunRevoiceAsync(input);

        // A re-voice changes the voices, not what the episode covered: the bible keeps the first production's entry.
        Assert.Equal(0, harness.Count(nameof(RecordInBibleActivity)));
    }
}
