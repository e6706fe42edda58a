using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class ReviewScriptActivityTests
{
    const string Id = ActivityBed.Id;

    static async Task<(ActivityBed Bed, ReviewScriptActivity Activity, ReviewScriptInput Input)> ArrangeAsync()
    {
        ActivityBed bed = await new ActivityBed().WithModelAsync();
        ResearchNotes research = AgentTestData.SmallResearch(6);
        Script script = (await new OfflineScriptAgent().WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;
        string researchJson = await bed.WriteJsonAsync(ArtifactNames.ResearchJson(Id), research);
        string revision = await bed.WriteJsonAsync(ArtifactNames.ScriptRevision(Id, 2), script with { Revision = 2 });
        var activity = new ReviewScriptActivity(bed.Store, bed.Get<IEvaluatorAgent>(), bed.PaidStep);
        return (bed, activity, new ReviewScriptInput(Id, AgentTestData.Brief(), researchJson, revision, Revision: 2));
    }

    [Fact]
    public async Task RunAsync_ScriptRevision_WritesItsReviewNumberedAfterItAndReturnsTheVerdict()
    {
        (ActivityBed bed, ReviewScriptActivity activity, ReviewScriptInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;

        ReviewScriptOutput output = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Equal(ArtifactNames.Review(Id, 2), output.Artifact);
        ScriptReview stored = await bed.ReadJsonAsync<ScriptReview>(output.Artifact);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(stored.Passed, output.Passed);
        Assert.Equal(stored.Score, output.Score);
        Assert.Equal(stored.Suggestions, output.Suggestions);
        Assert.Equal(bed.Server!.BilledUsd, output.Usage.CostUsd);
        Assert.Equal(output.Usage.CostUsd, (await bed.JournalAsync()).TotalUsd);
    }

    [Fact]
    public async Task RunAsync_SameReviewAgain_ReusesTheStoredVerdictWithoutCallingTheJudge()
    {
        (ActivityBed bed, ReviewScriptActivity activity, ReviewScriptInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        ReviewScriptOutput first = await activity.RunAsync(ActivityBed.Context(), input);

        ReviewScriptOutput again = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.True(again.Usage.CacheHit);
        Assert.Equal(first.Passed, again.Passed);
        Assert.Equal(first.Usage.CostUsd, (await bed.JournalAsync()).TotalUsd);
        Assert.Single(bed.Server!.ChatRequests);
        Assert.Equal(first.Usage.CostUsd, bed.Server.BilledUsd);
    }

    [Fact]
    public async Task RunAsync_ScriptChangedSinceTheReview_JudgesAgain()
    {
        (ActivityBed bed, ReviewScriptActivity activity, ReviewScriptInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        await activity.RunAsync(ActivityBed.Context(), input);
        Script script = await bed.ReadJsonAsync<Script>(input.ScriptRevisionArtifact);
        await bed.WriteJsonAsync(input.ScriptRevisionArtifact, script with { Title = script.Title + ", revised" });

        ReviewScriptOutput again = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.False(again.Usage.CacheHit);
        Assert.Equal(bed.Server!.BilledUsd, (await bed.JournalAsync()).TotalUsd);
    }
}
