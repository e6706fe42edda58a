using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow;
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
}
