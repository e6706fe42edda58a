using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class WriteManifestActivityTests
{
    const string Id = ActivityBed.Id;
    static readonly DateTime _done = new(2026, 12, 7, 10, 5, 0, DateTimeKind.Utc);

    // An episode as the orchestrator leaves it: research, a script, a captured source, and one paid call in the journal.
    static async Task<WriteManifestInput> ArrangeAsync(ActivityBed bed)
    {
        ResearchNotes research = AgentTestData.SmallResearch(6);
        Script script = (await new OfflineScriptAgent().WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;
        await bed.WriteJsonAsync(ArtifactNames.ResearchJson(Id), research);
        await bed.WriteJsonAsync(ArtifactNames.Script(Id), script);
        string source = ArtifactNames.Source(Id, 0);
        await bed.Store.WriteTextAsync(source, "Durable workflows replay their history.", null, CancellationToken.None);
        await JournalTestCalls.AnsweredAsync(bed, Id, ArtifactNames.ScriptRevision(Id, 0), 0.02m);
        var request = new EpisodeRequest { Topic = AgentTestData.Topic, Sources = [] };
        return new WriteManifestInput(Id, request, "completed", null, _done,
            [new StageRecord(Stages.Script, StageStatus.Completed, _done.AddMinutes(-1), 1000, "1 draft")],
            [new LedgerEntry(Stages.Script, JournalTestCalls.Usage(AgentNames.ScriptWriter, 0.02m))],
            ["social: skipped"],
            [new SourceRef("notes.md", source, SourceKind.File, null, 40, "abc123")]);
    }

    [Fact]
    public async Task RunAsync_FinishedEpisode_ListsItsArtifactsWithoutTheJournalAndTotalsCostsFromTheJournal()
    {
        await using var bed = new ActivityBed();
        WriteManifestInput input = await ArrangeAsync(bed);

        WriteManifestOutput output = await new WriteManifestActivity(bed.Store).RunAsync(ActivityBed.Context(), input);

        EpisodeManifest manifest = await bed.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id));
        Assert.Equal(ArtifactNames.Manifest(Id), output.Artifact);
        Assert.Equal(
            [ArtifactNames.ResearchJson(Id), ArtifactNames.Script(Id), ArtifactNames.ScriptRevision(Id, 0), ArtifactNames.Source(Id, 0)],
            manifest.Artifacts.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, output.ArtifactCount);
        Assert.Equal((0.02m, 0.02m), (output.TotalCostUsd, manifest.Costs.TotalUsd));
        Assert.Equal(1, manifest.Costs.JournaledCalls!.Answered);
        Assert.Equal(("completed", AgentTestData.Topic, _done), (manifest.Status, manifest.Topic, manifest.CompletedAt));
        Assert.Equal(["social: skipped"], manifest.Warnings);
    }

    [Fact]
    public async Task RunAsync_SourcesAndResearch_RecordsWhatTheSourcesWereAndFactChecksTheScript()
    {
        await using var bed = new ActivityBed();
        WriteManifestInput input = await ArrangeAsync(bed);

        await new WriteManifestActivity(bed.Store).RunAsync(ActivityBed.Context(), input);

        EpisodeManifest manifest = await bed.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id));
        ManifestSource source = Assert.Single(manifest.Sources!);
        Assert.Equal((SourceKind.File, "notes.md", 40L, "abc123"), (source.Kind, source.Name, source.Bytes, source.Sha256));
        // The request lists the source by name, never its text.
        Assert.Equal("notes.md", Assert.Single(manifest.Request.Sources!).Value);
        Assert.NotNull(manifest.FactCheck);
        Assert.True(manifest.FactCheck.ClaimsChecked > 0);
    }

    [Fact]
    public async Task RunAsync_WrittenAgainOnReplay_SameManifestNothingCountedTwice()
    {
        await using var bed = new ActivityBed();
        WriteManifestInput input = await ArrangeAsync(bed);
        var activity = new WriteManifestActivity(bed.Store);
        await activity.RunAsync(ActivityBed.Context(), input);

        WriteManifestOutput again = await activity.RunAsync(ActivityBed.Context(), input);

        EpisodeManifest manifest = await bed.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id));
        Assert.Equal((4, 0.02m), (again.ArtifactCount, again.TotalCostUsd));
        Assert.Equal(0.02m, manifest.Costs.TotalUsd);
        Assert.Single(manifest.Costs.Calls);
    }
}
