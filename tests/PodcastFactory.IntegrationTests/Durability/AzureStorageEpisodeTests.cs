using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.IntegrationTests.Storage;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.IntegrationTests.Durability;

/// <summary>A whole offline episode (audio included) on DurableTask.AzureStorage with blob artifacts, both on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageEpisodeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Produce_AzureStorageBackendWithBlobArtifacts_CompletesWithEveryArtifactInBlobs()
    {
        string hub = AzuriteFixture.NewTaskHub("whole");
        string id = "blob-" + hub;
        await using LocalRuntime runtime = await LocalRuntime.StartAsync(
            DurableEpisodes.Backend(azurite.ConnectionString, hub), DurableEpisodes.BlobSettings(azurite.ConnectionString));
        var starter = runtime.Services.GetRequiredService<EpisodeStarter>();

        StartedEpisode started = await starter.StartAsync(DurableEpisodes.Request(OutputPriority.Both), id, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        OrchestrationMetadata final = await runtime.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        StartedEpisode again = await starter.StartAsync(DurableEpisodes.Request(OutputPriority.Both), id, CancellationToken.None);

        Assert.True(started.Created);
        Assert.False(again.Created);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, final.RuntimeStatus);
        Assert.Equal(EpisodeOutcome.Completed, final.ReadOutputAs<EpisodeResult>()!.Outcome);
        IArtifactStore store = runtime.Services.GetRequiredService<IArtifactStore>();
        Assert.IsType<BlobArtifactStore>(store);
        List<string> names = await DurableEpisodes.ArtifactSetAsync(store, id);
        foreach (string expected in new[] { "research/angle-1.md", "research/angle-2.md", "research.md", "script.json", "script.md", "reviews/review-1.json", "social.md", "audio/segments.json", "episode.wav", "quality.json", "manifest.json" })
        {
            Assert.Contains(expected, names);
        }

        ArtifactInfo audio = (await store.GetInfoAsync(ArtifactNames.EpisodeAudio(id, "wav"), CancellationToken.None))!;
        Assert.Equal(ContentTypes.Wav, audio.ContentType);
        Assert.True(audio.Length > 44_000);
        Assert.NotNull((await store.GetInfoAsync(ArtifactNames.ResearchAngleJson(id, 0), CancellationToken.None))!.InputHash);
        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
        Assert.Equal("completed", manifest.Status);
    }

    [Fact]
    public async Task Revoice_AzureStorageBackendWithBlobArtifacts_PaysOnlyForTheEditedTurnAndRecordsTheRevision()
    {
        string hub = AzuriteFixture.NewTaskHub("revoice");
        string id = "blob-" + hub;
        await using LocalRuntime runtime = await LocalRuntime.StartAsync(
            DurableEpisodes.Backend(azurite.ConnectionString, hub), DurableEpisodes.BlobSettings(azurite.ConnectionString));
        await runtime.Services.GetRequiredService<EpisodeStarter>().StartAsync(DurableEpisodes.Request(OutputPriority.Audio), id, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await runtime.Client.WaitForInstanceCompletionAsync(id, timeout.Token);
        var editor = runtime.Services.GetRequiredService<ScriptEditor>();
        EditableEpisode episode = (await editor.FindAsync(id, CancellationToken.None))!;
        ScriptEdit current = (await editor.ReadAsync(id, episode.Input.Request.Hosts, CancellationToken.None))!;
        List<ScriptTurn> turns = [.. current.Turns];
        turns[1] = turns[1] with { Text = "A brand new second turn, said once and only here." };

        ScriptEdit saved = (await editor.TrySaveAsync(id, current, current.Title, turns, current.Hosts, CancellationToken.None))!;
        ScriptEdit? lost = await editor.TrySaveAsync(id, current, current.Title, turns, current.Hosts, CancellationToken.None);
        RevoiceStart start = await editor.StartRevoiceAsync(episode, CancellationToken.None);
        RevoiceStart again = await editor.StartRevoiceAsync(episode, CancellationToken.None);
        OrchestrationMetadata done = await runtime.Client.WaitForInstanceCompletionAsync(RevoiceOrchestrator.InstanceId(id, 1), getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(1, saved.Revision);
        Assert.Null(lost);
        Assert.Equal((true, false), (start.Created, again.Created));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        RevoiceResult result = done.ReadOutputAs<RevoiceResult>()!;
        Assert.Equal(1, result.SegmentsSynthesized);
        Assert.Equal(result.Segments - 1, result.SegmentsReused);
        IArtifactStore store = runtime.Services.GetRequiredService<IArtifactStore>();
        Assert.IsType<BlobArtifactStore>(store);
        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
        Assert.Equal(1, Assert.Single(manifest.Revisions!).SegmentsSynthesized);
        Assert.Contains("brand new second turn", (await store.ReadJsonAsync<Script>(ArtifactNames.Script(id), CancellationToken.None)).Turns[1].Text, StringComparison.Ordinal);
    }
}
