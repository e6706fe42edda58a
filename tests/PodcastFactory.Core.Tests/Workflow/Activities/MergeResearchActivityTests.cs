using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class MergeResearchActivityTests
{
    const string Id = ActivityBed.Id;

    static ResearchNote Note(string text, string angle) => new(text, "notes.md", "sentence 1", 0.9, angle);

    [Fact]
    public async Task RunAsync_TwoAnglesSharingANote_InterleavesBestFirstDropsTheRepeatAndWritesBothFiles()
    {
        await using var bed = new ActivityBed();
        ResearchNotes small = AgentTestData.SmallResearch(4);
        var first = new ResearchNotes(AgentTestData.Topic, "how it works", "a", [Note(small.Notes[0].Text, "a"), Note(small.Notes[1].Text, "a")], true);
        var second = new ResearchNotes(AgentTestData.Topic, "why it matters", "b", [Note(small.Notes[2].Text, "b"), Note(small.Notes[0].Text, "b"), Note(small.Notes[3].Text, "b")], true);
        string a = await bed.WriteJsonAsync(ArtifactNames.ResearchAngleJson(Id, 0), first);
        string b = await bed.WriteJsonAsync(ArtifactNames.ResearchAngleJson(Id, 1), second);

        MergeResearchOutput output = await new MergeResearchActivity(bed.Store).RunAsync(ActivityBed.Context(), new MergeResearchInput(Id, AgentTestData.Topic, [a, b]));

        ResearchNotes merged = await bed.ReadJsonAsync<ResearchNotes>(output.JsonArtifact);
        Assert.Equal([small.Notes[0].Text, small.Notes[2].Text, small.Notes[1].Text, small.Notes[3].Text], merged.Notes.Select(n => n.Text));
        Assert.Equal("a", merged.Notes[0].Angle);
        Assert.Equal((4, true), (output.NoteCount, output.HasSources));
        Assert.Equal("merged", merged.Angle);
        Assert.Contains(small.Notes[3].Text, await bed.Store.ReadTextAsync(output.Artifact, default), StringComparison.Ordinal);
        // No model is called, so nothing is journaled or paid.
        Assert.Empty((await bed.JournalAsync()).Attempts);
    }

    [Fact]
    public async Task RunAsync_AnglesWithManyProblems_CarriesBackOnlyTheFirstFewButKeepsAllInTheFile()
    {
        await using var bed = new ActivityBed();
        List<string> problems = Enumerable.Range(1, 12).Select(i => $"https://example.org/{i}: no main text").ToList();
        var angle = new ResearchNotes(AgentTestData.Topic, "web", "none", [], false, problems);
        string name = await bed.WriteJsonAsync(ArtifactNames.ResearchAngleJson(Id, 0), angle);

        MergeResearchOutput output = await new MergeResearchActivity(bed.Store).RunAsync(ActivityBed.Context(), new MergeResearchInput(Id, AgentTestData.Topic, [name]));

        Assert.False(output.HasSources);
        Assert.Equal(problems.Take(MergeResearchActivity.MaxReportedProblems), output.Problems!);
        Assert.Equal(problems, (await bed.ReadJsonAsync<ResearchNotes>(output.JsonArtifact)).Problems!);
    }

    [Fact]
    public async Task RunAsync_SameAnglesAgain_LeavesResearchUpToDateUnderTheSameInputHash()
    {
        await using var bed = new ActivityBed();
        string name = await bed.WriteJsonAsync(ArtifactNames.ResearchAngleJson(Id, 0), AgentTestData.SmallResearch(3));
        var input = new MergeResearchInput(Id, AgentTestData.Topic, [name]);
        await new MergeResearchActivity(bed.Store).RunAsync(ActivityBed.Context(), input);
        string? hash = (await bed.Store.GetInfoAsync(ArtifactNames.ResearchJson(Id), default))!.InputHash;

        await new MergeResearchActivity(bed.Store).RunAsync(ActivityBed.Context(), input);

        // The script step's input hash covers research.json: a replayed merge must not make it look changed.
        Assert.NotNull(hash);
        Assert.True(await bed.Store.IsUpToDateAsync(ArtifactNames.ResearchJson(Id), hash, default));
        Assert.True(await bed.Store.IsUpToDateAsync(ArtifactNames.Research(Id), hash, default));
    }
}
