using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.IntegrationTests.Storage;
using PodcastFactory.Local.Cli;
using PodcastFactory.Local.Hosting;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Durability;

/// <summary>Two <c>podcast worker</c> processes on one task hub share several episodes started by a client-only runtime.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoWorkerTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    const int Episodes = 4;
    readonly string _folder = Directory.CreateTempSubdirectory("pf-workers-").FullName;

    [Fact]
    public async Task Workers_TwoOnOneTaskHub_CompleteEveryEpisodeExactlyOnce()
    {
        string hub = AzuriteFixture.NewTaskHub("pair");
        string journal = Path.Combine(_folder, "journal.log");
        string[] args = ["worker", .. DurableEpisodes.StoreArgs(hub)];
        // Research is held briefly so that one busy worker cannot take every activity before the other polls.
        using PodcastProcess a = PodcastProcess.Start(azurite.ConnectionString, journal, args, holdActivity: "ResearchAngleActivity=1500");
        using PodcastProcess b = PodcastProcess.Start(azurite.ConnectionString, journal, args, holdActivity: "ResearchAngleActivity=1500");
        await a.WaitUntilAsync(() => a.Output.Contains("running", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "worker A started");
        await b.WaitUntilAsync(() => b.Output.Contains("running", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "worker B started");
        await WaitForBalancedPartitionsAsync(hub, a, b);

        // A client only: this process schedules and watches, the two workers do all the work.
        await using LocalRuntime client = await LocalRuntime.StartAsync(
            DurableEpisodes.Backend(azurite.ConnectionString, hub), DurableEpisodes.BlobSettings(azurite.ConnectionString), runWorker: false);
        var starter = client.Services.GetRequiredService<EpisodeStarter>();
        string[] ids = Enumerable.Range(1, Episodes).Select(i => $"pair-{i}-{hub}").ToArray();
        foreach (string id in ids)
        {
            Assert.True((await starter.StartAsync(DurableEpisodes.Request(), id, CancellationToken.None)).Created);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        OrchestrationMetadata[] finals = await Task.WhenAll(ids.Select(id => client.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token)));

        Assert.All(finals, f => Assert.Equal(OrchestrationRuntimeStatus.Completed, f.RuntimeStatus));
        var completed = new List<string>();
        await foreach (OrchestrationMetadata instance in client.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed] }))
        {
            completed.Add(instance.InstanceId);
        }

        Assert.Equal(ids.Order(), completed.Order());
        IArtifactStore store = client.Services.GetRequiredService<IArtifactStore>();
        IReadOnlyList<(int Pid, string Activity, string InstanceId)> runs = ActivityJournal.Read(journal);
        foreach (string id in ids)
        {
            EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
            Assert.Equal("completed", manifest.Status);
            Assert.Single(runs, r => r.InstanceId == id && r.Activity == nameof(WriteManifestActivity));
        }

        Assert.All(runs, r => Assert.Contains(r.Pid, new[] { a.Id, b.Id }));
        var byWorker = runs.GroupBy(r => r.Pid).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"activity executions: worker A {byWorker.GetValueOrDefault(a.Id)}, worker B {byWorker.GetValueOrDefault(b.Id)}");
        Assert.True(byWorker.Count == 2, $"only one worker ran activities: A {byWorker.GetValueOrDefault(a.Id)}, B {byWorker.GetValueOrDefault(b.Id)}");
    }

    [Fact]
    public async Task Workers_ActivityOutlastsTheVisibilityTimeout_NeverRunsTwiceWhileTheFirstStillRuns()
    {
        string hub = AzuriteFixture.NewTaskHub("renew");
        string journal = Path.Combine(_folder, "renew.log");
        string[] args = ["worker", .. DurableEpisodes.StoreArgs(hub)];
        // Each research angle takes 2.5 times the work-item visibility: without renewal the idle worker would see the
        // message again and run the angle a second time while the first worker is still on it.
        string hold = $"ResearchAngleActivity={DurableEpisodes.WorkItemTimeoutSeconds * 2500}";
        var renewal = new Dictionary<string, string?> { [StoreOptions.NoLockRenewalVariable] = Environment.GetEnvironmentVariable("PF_TEST_NO_RENEWAL") };
        using PodcastProcess a = PodcastProcess.Start(azurite.ConnectionString, journal, args, holdActivity: hold, settings: renewal);
        using PodcastProcess b = PodcastProcess.Start(azurite.ConnectionString, journal, args, holdActivity: hold, settings: renewal);
        await a.WaitUntilAsync(() => a.Output.Contains("running", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "worker A started");
        await b.WaitUntilAsync(() => b.Output.Contains("running", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "worker B started");
        await using LocalRuntime client = await LocalRuntime.StartAsync(
            DurableEpisodes.Backend(azurite.ConnectionString, hub), DurableEpisodes.BlobSettings(azurite.ConnectionString), runWorker: false);
        string id = "renew-" + hub;
        Assert.True((await client.Services.GetRequiredService<EpisodeStarter>().StartAsync(DurableEpisodes.Request(), id, CancellationToken.None)).Created);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        OrchestrationMetadata final = await client.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, final.RuntimeStatus);
        int executions = ActivityJournal.Read(journal).Count(r => r.InstanceId == id && r.Activity == nameof(ResearchAngleActivity));
        output.WriteLine($"research angle executions: {executions} for 2 angles");
        Assert.Equal(2, executions);
    }

    // The table partition manager records each control-queue partition's owner; wait until both workers own some.
    async Task WaitForBalancedPartitionsAsync(string hub, PodcastProcess a, PodcastProcess b)
    {
        TableClient partitions = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + "Partitions");
        string[] owners = [];
        await a.WaitUntilAsync(() =>
        {
            owners = partitions.Query<TableEntity>().Select(e => e.GetString("CurrentOwner") ?? "").ToArray();
            return owners.Length > 0 && owners.Any(o => o.EndsWith($"-{a.Id}", StringComparison.Ordinal)) && owners.Any(o => o.EndsWith($"-{b.Id}", StringComparison.Ordinal));
        }, TimeSpan.FromMinutes(1), "both workers own task hub partitions");
        Assert.False(b.HasExited, b.Output);
        output.WriteLine($"partition owners: {string.Join(", ", owners)}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
