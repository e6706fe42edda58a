using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.IntegrationTests.Storage;
using PodcastFactory.Local.Hosting;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Durability;

/// <summary>
/// An episode in a child process is killed (SIGKILL) after research, while its script activity has done its work
/// but not yet reported it; a second process resumes it on the same task hub.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashResumeTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("pf-crash-").FullName;

    [Fact]
    public async Task Resume_AfterKillDuringScript_CompletesWithoutRerunningResearchAndReusesTheScript()
    {
        string hub = AzuriteFixture.NewTaskHub("crash");
        string id = "crash-" + hub;
        string firstJournal = Path.Combine(_folder, "first.log");
        string resumedJournal = Path.Combine(_folder, "resumed.log");
        IArtifactStore store = DurableEpisodes.Store(azurite.ConnectionString);

        using (PodcastProcess first = PodcastProcess.Start(azurite.ConnectionString, firstJournal, DurableEpisodes.ProduceArgs(id, hub), holdActivity: "WriteScriptActivity=600000"))
        {
            await first.WaitUntilAsync(() => Count(firstJournal, nameof(WriteScriptActivity)) == 1, TimeSpan.FromMinutes(2), "the script activity finished its work");
            first.Kill();
        }

        Assert.NotNull(await store.GetInfoAsync(ArtifactNames.Research(id), CancellationToken.None));
        Assert.Null(await store.GetInfoAsync(ArtifactNames.Manifest(id), CancellationToken.None));
        int researchBefore = Count(firstJournal, nameof(ResearchAngleActivity));

        using PodcastProcess resumed = PodcastProcess.Start(azurite.ConnectionString, resumedJournal, ["produce", "--resume", id, .. DurableEpisodes.StoreArgs(hub), "--json"]);
        int exit = await resumed.WaitForExitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine(resumed.Output);

        Assert.Equal(0, exit);
        output.WriteLine($"research executions: before the kill {researchBefore}, after the restart {Count(resumedJournal, nameof(ResearchAngleActivity))}");
        Assert.Equal(2, researchBefore);
        Assert.Equal(0, Count(resumedJournal, nameof(ResearchAngleActivity)));
        Assert.Equal(0, Count(resumedJournal, nameof(MergeResearchActivity)));
        Assert.Equal(1, Count(resumedJournal, nameof(WriteScriptActivity)));

        // The interrupted script activity ran again but found its output for the same input: a cache hit, no agent call.
        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
        Assert.Equal("completed", manifest.Status);
        AgentUsage script = Assert.Single(manifest.Costs.Calls, c => c.Usage.Agent == AgentNames.ScriptWriter && c.Usage.CacheHit).Usage;
        Assert.Equal(0m, script.CostUsd);
        Assert.Equal(2, manifest.Costs.Calls.Count(c => c.Usage.Agent == AgentNames.Research && !c.Usage.CacheHit));

        // The same episode without interruption produces the same artifact set.
        string referenceId = "ref-" + hub;
        using (PodcastProcess reference = PodcastProcess.Start(azurite.ConnectionString, Path.Combine(_folder, "reference.log"), DurableEpisodes.ProduceArgs(referenceId, hub)))
        {
            Assert.Equal(0, await reference.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        }

        Assert.Equal(await DurableEpisodes.ArtifactSetAsync(store, referenceId), await DurableEpisodes.ArtifactSetAsync(store, id));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static int Count(string journal, string activity) => ActivityJournal.Read(journal).Count(e => e.Activity == activity);
}
