using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class WriteScriptActivityTests
{
    const string Id = ActivityBed.Id;

    static async Task<(ActivityBed Bed, WriteScriptActivity Activity, WriteScriptInput Draft)> ArrangeAsync()
    {
        ActivityBed bed = await new ActivityBed().WithModelAsync();
        string research = await bed.WriteJsonAsync(ArtifactNames.ResearchJson(Id), AgentTestData.SmallResearch(6));
        var activity = new WriteScriptActivity(bed.Store, bed.Get<IScriptAgent>(), bed.PaidStep);
        return (bed, activity, new WriteScriptInput(Id, AgentTestData.Brief(), research, Revision: 0));
    }

    [Fact]
    public async Task RunAsync_FirstDraft_WritesRevisionAndCurrentScriptAndJournalsWhatTheModelBilled()
    {
        (ActivityBed bed, WriteScriptActivity activity, WriteScriptInput draft) = await ArrangeAsync();
        await using ActivityBed _ = bed;

        WriteScriptOutput output = await activity.RunAsync(ActivityBed.Context(), draft);

        Script revision = await bed.ReadJsonAsync<Script>(ArtifactNames.ScriptRevision(Id, 0));
        Script current = await bed.ReadJsonAsync<Script>(ArtifactNames.Script(Id));
        Assert.Equal(revision.Title, current.Title);
        Assert.Equal(revision.Turns.Select(t => t.Text), current.Turns.Select(t => t.Text));
        Assert.Equal(revision.Turns.Count, output.TurnCount);
        Assert.Equal(revision.WordCount, output.WordCount);
        Assert.Contains(revision.Turns[0].Text, await bed.Store.ReadTextAsync(ArtifactNames.ScriptMarkdown(Id), default), StringComparison.Ordinal);
        Assert.Single(bed.Server!.ChatRequests);
        Assert.False(output.Usage.CacheHit);
        Assert.Equal(bed.Server.BilledUsd, output.Usage.CostUsd);
        CostJournal journal = await bed.JournalAsync();
        Assert.Equal(output.Usage.CostUsd, journal.TotalUsd);
        Assert.True(journal.TotalUsd > 0);
    }

    [Fact]
    public async Task RunAsync_SameDraftDeliveredAgain_DoesNotPayTwiceAndReportsTheFirstAttemptsCostOnce()
    {
        (ActivityBed bed, WriteScriptActivity activity, WriteScriptInput draft) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        WriteScriptOutput first = await activity.RunAsync(ActivityBed.Context(), draft);

        // The orchestrator never saw the first result (the only way a step runs twice): the retry reuses it.
        WriteScriptOutput retry = await activity.RunAsync(ActivityBed.Context(), draft);

        Assert.Single(bed.Server!.ChatRequests);
        Assert.True(retry.Usage.CacheHit);
        Assert.Equal(first.Usage.CostUsd, retry.Usage.CostUsd);
        Assert.Equal(first.Title, retry.Title);
        Assert.Equal(first.Usage.CostUsd, (await bed.JournalAsync()).TotalUsd);
    }

    [Fact]
    public async Task RunAsync_Revision1_RevisesFromDraftAndReviewAndKeepsBothRevisions()
    {
        (ActivityBed bed, WriteScriptActivity activity, WriteScriptInput draft) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        await activity.RunAsync(ActivityBed.Context(), draft);
        await bed.WriteJsonAsync(ArtifactNames.Review(Id, 0), AgentTestData.FailedReview(0, "length"));

        WriteScriptOutput revised = await activity.RunAsync(ActivityBed.Context(), draft with { Revision = 1 });

        Assert.Equal(2, bed.Server!.ChatRequests.Count());
        Assert.Equal(ArtifactNames.ScriptRevision(Id, 1), revised.RevisionArtifact);
        Assert.Equal(0, (await bed.ReadJsonAsync<Script>(ArtifactNames.ScriptRevision(Id, 0))).Revision);
        Assert.Equal(1, (await bed.ReadJsonAsync<Script>(ArtifactNames.Script(Id))).Revision);
        Assert.Contains("test suggestion", bed.Server.ChatRequests.Last().Body, StringComparison.Ordinal);
    }
}
