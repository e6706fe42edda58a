using System.Text.Json.Nodes;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>
/// The Functions app (host.json) and the local worker on Azure Storage (<see cref="AzureStorageBackend"/>) run with
/// one set of scale-out settings (docs/scaling.md): a local worker can join the app's task hub, which keeps the
/// partition count it was created with.
/// </summary>
public sealed class ScaleSettingsTests
{
    static JsonNode DurableTask() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "host.json")))!["extensions"]!["durableTask"]!;

    [Fact]
    public void HostJson_PartitionCount_IsTheLocalWorkersPartitionCount()
    {
        Assert.Equal(AzureStorageBackend.PartitionCount, (int)DurableTask()["storageProvider"]!["partitionCount"]!);
    }

    [Fact]
    public void HostJson_Concurrency_IsTheLocalWorkersConcurrency()
    {
        JsonNode durable = DurableTask();

        Assert.Equal(AzureStorageBackend.MaxActivities, (int)durable["maxConcurrentActivityFunctions"]!);
        Assert.Equal(AzureStorageBackend.MaxOrchestrations, (int)durable["maxConcurrentOrchestratorFunctions"]!);
    }
}
