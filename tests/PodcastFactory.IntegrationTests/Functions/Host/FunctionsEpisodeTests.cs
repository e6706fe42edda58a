using System.Net;
using System.Text;
using System.Text.Json;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.FunctionsHost;
using PodcastFactory.IntegrationTests.Api.Contract;
using PodcastFactory.IntegrationTests.Storage;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>Whole episodes through the Functions app itself (HTTP trigger, durable client, orchestrators, activities) on Azure Storage over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsEpisodeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Episode_WithAudioOnAzureStorage_CompletesAndServesItsAudio()
    {
        string hub = AzuriteFixture.NewTaskHub("fnep");
        Dictionary<string, string?> settings = AzuriteFunctionsApp.Settings(azurite.ConnectionString, hub, "fn-" + hub.ToLowerInvariant());
        await using FunctionsAppHost app = await AzuriteFunctionsApp.StartAsync(azurite.ConnectionString, hub, settings, output);
        using var client = new ContractClient(app.BaseAddress);

        using HttpResponseMessage started = await client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody("fn-audio", priority: "audio"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonElement status = await client.WaitForAsync("fn-audio", ContractClient.IsFinished, TimeSpan.FromMinutes(3));

        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("completed", status.GetProperty("outcome").GetString());
        JsonElement audio = status.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "episode.wav");
        byte[] wav = await client.Http.GetByteArrayAsync(audio.GetProperty("url").GetString());
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(audio.GetProperty("bytes").GetInt64(), wav.LongLength);
        // The audio ran as the sub-orchestration, through the worker's activity triggers.
        Assert.True(app.Ledger.Count(nameof(SynthesizeSegmentActivity)) >= 2, $"segments synthesized: {app.Ledger.Count(nameof(SynthesizeSegmentActivity))}");
        Assert.Single(app.Ledger.Executions, e => e.Name == nameof(StitchAudioActivity) && e.InstanceId == "fn-audio-audio");
    }

    [Fact]
    public async Task Worker_KilledMidAudioThenRestarted_CompletesWithoutRerunningFinishedActivities()
    {
        string hub = AzuriteFixture.NewTaskHub("fncrash");
        Dictionary<string, string?> settings = AzuriteFunctionsApp.Settings(azurite.ConnectionString, hub, "fn-" + hub.ToLowerInvariant());
        settings["Workflow__MaxParallelSegments"] = "1";
        var ledger = new ActivityLedger();
        TimeSpan visibility = TimeSpan.FromSeconds(10);
        IReadOnlyList<ActivityExecution> beforeKill;

        await using (FunctionsAppHost first = await AzuriteFunctionsApp.StartAsync(azurite.ConnectionString, hub, settings, output, ledger, visibility))
        {
            using var client = new ContractClient(first.BaseAddress);
            using HttpResponseMessage started = await client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody("fn-crash", priority: "audio"));
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            await WaitUntilAsync(() => ledger.Count(nameof(SynthesizeSegmentActivity)) >= 1, TimeSpan.FromMinutes(2));

            first.KillWorker();
            await WaitUntilAsync(() => first.Logs.Any(l => l.Contains("exited with code", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
            Assert.Equal(0, first.PendingInvocations);
            beforeKill = ledger.Executions;
        }

        Assert.DoesNotContain(beforeKill, e => e.Name == nameof(WriteManifestActivity));
        await using FunctionsAppHost restarted = await AzuriteFunctionsApp.StartAsync(azurite.ConnectionString, hub, settings, output, ledger, visibility);
        using var resumed = new ContractClient(restarted.BaseAddress);
        JsonElement status = await resumed.WaitForAsync("fn-crash", ContractClient.IsFinished, TimeSpan.FromMinutes(3));

        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        IEnumerable<ActivityExecution> afterRestart = ledger.Executions.Skip(beforeKill.Count);
        Assert.DoesNotContain(afterRestart, e => beforeKill.Any(b => b.Succeeded && b.InstanceId == e.InstanceId && b.TaskId == e.TaskId));
        Assert.Equal(0, afterRestart.Count(e => e.Name == nameof(ResearchAngleActivity)));
        Assert.Contains(afterRestart, e => e.Name == nameof(StitchAudioActivity));
    }

    static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }
}
