using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.IntegrationTests.Storage;
using PodcastFactory.Core.Agents;
using PodcastFactory.Local.Hosting;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Durability;

/// <summary>
/// One paid episode (Azure OpenAI text and speech against <see cref="FakeOpenAIServer"/>) killed with SIGKILL in every
/// stage and resumed each time, on Azurite. The server's own usage log is the bill; the manifest must cover it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CostJournalCrashTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("pf-ledger-").FullName;

    [Fact]
    public async Task Produce_KilledInEveryStageAndResumed_ManifestNeverUnderReportsTheProvidersBill()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        Func<FakeRequest, System.Text.Json.Nodes.JsonNode, FakeReply> episode =
            EpisodeResponder.For(new ScriptBrief(DurableEpisodes.Topic, EpisodeRequest.DefaultHosts, 1, "en", 600));
        int socialCalls = 0;
        // The first social call is answered (and billed) only after the process that sent it is dead.
        server.Responder = (request, body) => request.SchemaName == "SocialAnswer" && Interlocked.Increment(ref socialCalls) == 1
            ? episode(request, body) with { DelayMs = 12_000 }
            : episode(request, body);
        Dictionary<string, string?> settings = ProviderStack.AzureSettings(server);
        string hub = AzuriteFixture.NewTaskHub("ledger");
        string id = "ledger-" + hub;
        string journal = Path.Combine(_folder, "activities.log");
        string[] produce = [.. DurableEpisodes.ProduceArgs(id, hub).Select(a => a == "social" ? "both" : a)];
        string[] resume = ["produce", "--resume", id, .. DurableEpisodes.StoreArgs(hub), "--json"];

        // Each process is killed right after one stage's activity has done (and paid for) its work, before it reports it.
        await KillAfterAsync(produce, nameof(ResearchAngleActivity), journal, settings, () => true);
        await KillAfterAsync(resume, nameof(WriteScriptActivity), journal, settings, () => true);
        await KillAfterAsync(resume, nameof(ReviewScriptActivity), journal, settings, () => true);
        await KillAfterAsync(resume, nameof(PolishScriptActivity), journal, settings, () => true);
        // Social and audio run together: killed with a segment done and the social call sent but not yet answered.
        await KillAfterAsync(resume, nameof(SynthesizeSegmentActivity), journal, settings, () => Volatile.Read(ref socialCalls) >= 1);
        await KillAfterAsync(resume, nameof(PublishEpisodeActivity), journal, settings, () => true);
        using (PodcastProcess last = PodcastProcess.Start(azurite.ConnectionString, journal, resume, settings: settings))
        {
            Assert.Equal(0, await last.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        }

        await WaitForBillAsync(server);
        IArtifactStore store = DurableEpisodes.Store(azurite.ConnectionString);
        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
        output.WriteLine($"billed ${server.BilledUsd} in {server.Billed.Count} answers; manifest paid ${manifest.Costs.PaidUsd}, possibly billed ${manifest.Costs.PossiblyBilledUsd}, total ${manifest.Costs.TotalUsd}");
        output.WriteLine($"interruptions: {manifest.Interruptions?.Count}; calls {manifest.Costs.JournaledCalls}");

        Assert.Equal("completed", manifest.Status);
        Assert.True(manifest.Costs.TotalUsd >= server.BilledUsd, $"total ${manifest.Costs.TotalUsd} is below the bill ${server.BilledUsd}");
        Assert.True(manifest.Costs.PaidUsd <= server.BilledUsd, $"paid ${manifest.Costs.PaidUsd} is above the bill ${server.BilledUsd}");
        // Every answer that reached a process is paid in the manifest; only the social answer that arrived after the kill is not.
        Assert.Equal(server.Billed.Count - 1, manifest.Costs.JournaledCalls!.Answered);
        PossiblyBilledCall lost = Assert.Single(manifest.Costs.PossiblyBilled!, c => c.Agent == AgentNames.SocialWriter);
        Assert.True(lost.EstimateUsd > 0);
        // The five kills inside paid stages are seen through the journal; the kill in publish (no paid call) is not.
        Assert.True(manifest.Interruptions!.Count >= 4, $"{manifest.Interruptions.Count} interruptions");
        Assert.All(manifest.Stages, s => Assert.True(s.DurationMs >= 0));
        Assert.Contains(manifest.Stages, s => s.DowntimeMs > 0);
    }

    async Task KillAfterAsync(string[] args, string activity, string journal, Dictionary<string, string?> settings, Func<bool> also)
    {
        int before = ActivityJournal.Read(journal).Count(e => e.Activity == activity);
        using PodcastProcess process = PodcastProcess.Start(azurite.ConnectionString, journal, args, holdActivity: activity + "=600000", settings: settings);
        await process.WaitUntilAsync(
            () => ActivityJournal.Read(journal).Count(e => e.Activity == activity) > before && also(),
            TimeSpan.FromMinutes(2),
            activity + " finished its work");
        process.Kill();
    }

    // The late social answer is billed when the server finishes it, whoever is listening.
    static async Task WaitForBillAsync(FakeOpenAIServer server)
    {
        for (int i = 0; i < 100 && server.Requests.Count(r => r.SchemaName is not null) + server.SpeechRequests.Count() > server.Billed.Count; i++)
        {
            await Task.Delay(200);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
