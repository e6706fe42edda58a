using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class EpisodeCostActivityTests
{
    const string Id = ActivityBed.Id;

    [Fact]
    public async Task RunAsync_AnsweredCallsInTwoRunsAndOneLostAnswer_CountsEveryRunAndTheLostCallAtItsEstimate()
    {
        await using var bed = new ActivityBed();
        await JournalTestCalls.AnsweredAsync(bed, Id, "ep-act/script.json", 0.02m);
        await JournalTestCalls.AnsweredAsync(bed, Id + "-revoice-1", "ep-act/speech/a.mp3", 0.01m);
        await JournalTestCalls.LostAsync(bed, Id, "ep-act/social.md", estimate: 0.005m);

        EpisodeCostOutput cost = await new EpisodeCostActivity(bed.Store).RunAsync(ActivityBed.Context(), Id);

        Assert.Equal(0.03m, cost.PaidUsd);
        Assert.Equal(0.005m, cost.PossiblyBilledUsd);
        Assert.Equal(0.035m, cost.TotalUsd);
    }

    [Fact]
    public async Task RunAsync_NothingJournaledYet_IsZero()
    {
        await using var bed = new ActivityBed();

        EpisodeCostOutput cost = await new EpisodeCostActivity(bed.Store).RunAsync(ActivityBed.Context(), Id);

        Assert.Equal(0m, cost.TotalUsd);
    }
}

/// <summary>Journals provider calls the way a paid step does, for the activities that read the journal.</summary>
internal static class JournalTestCalls
{
    public static AgentUsage Usage(string agent, decimal cost) => new(agent, "azure-openai", "gpt-4o-mini", 100, 50, "tokens", 10, cost);

    /// <summary>One answered call of <paramref name="cost"/> in step <paramref name="artifact"/> of run <paramref name="run"/>.</summary>
    public static async Task AnsweredAsync(ActivityBed bed, string run, string artifact, decimal cost, string agent = AgentNames.ScriptWriter)
    {
        var key = new PaidStepKey(ActivityBed.Id, run, agent, "tokens", artifact, "h-" + artifact);
        await bed.PaidStep.RunAsync(key, () => Task.FromResult(""), async () =>
        {
            await PaidCalls.CallAsync(new PaidCallInfo(agent, "azure-openai", "gpt-4o-mini", "tokens", cost), () => Task.FromResult(""), (_, _) => Usage(agent, cost));
            return new AgentResult<string>("ok", Usage(agent, cost));
        }, value => bed.Store.WriteTextAsync(artifact, value, "h-" + artifact, CancellationToken.None));
    }

    /// <summary>A call sent in step <paramref name="artifact"/> whose attempt died before the answer: possibly billed.</summary>
    public static async Task LostAsync(ActivityBed bed, string run, string artifact, decimal estimate)
    {
        using StepJournal dying = bed.PaidStep.Open(new PaidStepKey(ActivityBed.Id, run, AgentNames.SocialWriter, "tokens", artifact, "h"));
        await dying.StartAsync();
        await dying.BeginAsync(new PaidCallInfo(AgentNames.SocialWriter, "azure-openai", "gpt-4o-mini", "tokens", estimate));
    }
}
