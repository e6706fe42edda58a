using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class ResearchAngleActivityTests
{
    const string Id = ActivityBed.Id;

    static async Task<(ActivityBed Bed, ResearchAngleActivity Activity, ResearchAngleInput Input)> ArrangeAsync()
    {
        ActivityBed bed = await new ActivityBed().WithModelAsync();
        string source = ArtifactNames.Source(Id, 0);
        await bed.Store.WriteTextAsync(source, AgentTestData.Fixture().Text, null, CancellationToken.None);
        var activity = new ResearchAngleActivity(bed.Store, bed.Get<IResearchAgent>(), bed.Get<WebResearcher>(), bed.PaidStep);
        var input = new ResearchAngleInput(Id, AgentTestData.Topic, "how it works", AngleIndex: 1, "en", [new SourceRef(AgentTestData.FixtureName, source)]);
        return (bed, activity, input);
    }

    [Fact]
    public async Task RunAsync_SourcesOnly_WritesTheAnglesNotesCitingTheSourceAndSearchesNothing()
    {
        (ActivityBed bed, ResearchAngleActivity activity, ResearchAngleInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;

        ResearchAngleOutput output = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Equal((ArtifactNames.ResearchAngle(Id, 1), ArtifactNames.ResearchAngleJson(Id, 1)), (output.Artifact, output.JsonArtifact));
        ResearchNotes notes = await bed.ReadJsonAsync<ResearchNotes>(output.JsonArtifact);
        Assert.Equal(notes.Notes.Count, output.NoteCount);
        Assert.NotEmpty(notes.Notes);
        Assert.All(notes.Notes, n => Assert.Equal(AgentTestData.FixtureName, n.Source));
        Assert.Contains(notes.Notes[0].Text, await bed.Store.ReadTextAsync(output.Artifact, default), StringComparison.Ordinal);
        Assert.Contains(AgentTestData.FixtureName, Assert.Single(bed.Server!.ChatRequests).Body, StringComparison.Ordinal);
        Assert.Empty(output.SearchUsages ?? []);
        Assert.Equal(bed.Server.BilledUsd, output.Usage.CostUsd);
    }

    [Fact]
    public async Task RunAsync_SameAngleAgain_ReusesTheNotesWithoutAskingTheModel()
    {
        (ActivityBed bed, ResearchAngleActivity activity, ResearchAngleInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        ResearchAngleOutput first = await activity.RunAsync(ActivityBed.Context(), input);

        ResearchAngleOutput again = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Single(bed.Server!.ChatRequests);
        Assert.True(again.Usage.CacheHit);
        Assert.Equal(first.NoteCount, again.NoteCount);
        Assert.Equal(first.Usage.CostUsd, (await bed.JournalAsync()).TotalUsd);
    }

    [Fact]
    public async Task RunAsync_CapturedSourceChanged_ResearchesAgain()
    {
        (ActivityBed bed, ResearchAngleActivity activity, ResearchAngleInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        await activity.RunAsync(ActivityBed.Context(), input);
        await bed.Store.WriteTextAsync(input.Sources[0].Artifact, AgentTestData.Fixture().Text + "\n\nCheckpoints are written before each step returns.", null, CancellationToken.None);

        ResearchAngleOutput again = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Equal(2, bed.Server!.ChatRequests.Count());
        Assert.False(again.Usage.CacheHit);
        Assert.Equal(bed.Server.BilledUsd, (await bed.JournalAsync()).TotalUsd);
    }
}
