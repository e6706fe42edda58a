using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.IntegrationTests.Durability;

/// <summary>Shared settings of the durability tests: short offline episodes on Azurite with blob artifacts.</summary>
internal static class DurableEpisodes
{
    public const string Topic = "How durable workflows recover from crashes";

    /// <summary>Seconds an activity interrupted by a kill stays hidden; short so the tests stay short.</summary>
    public const int WorkItemTimeoutSeconds = 8;

    public static EpisodeRequest Request(OutputPriority priority = OutputPriority.Social) => new()
    {
        Topic = Topic,
        Sources = [new SourceInput(SourceKind.File, LocalEpisodeRunner.Fixture("durable-workflows.md"))],
        Depth = ResearchDepth.Quick,
        TargetMinutes = 1,
        Priority = priority,
    };

    /// <summary>Command-line arguments of <c>podcast produce</c> for <see cref="Request"/>.</summary>
    public static string[] ProduceArgs(string id, string taskHub) =>
    [
        "produce", Topic, "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"), "--depth", "quick", "--minutes", "1",
        "--priority", "social", "--id", id, .. StoreArgs(taskHub), "--json",
    ];

    public static string[] StoreArgs(string taskHub) =>
        ["--store", "azurite", "--task-hub", taskHub, "--work-item-timeout", $"{WorkItemTimeoutSeconds}"];

    public static BackendSettings Backend(string connectionString, string taskHub) =>
        new(BackendKind.AzureStorage, connectionString, taskHub) { WorkItemVisibilityTimeout = TimeSpan.FromSeconds(WorkItemTimeoutSeconds) };

    public static Dictionary<string, string?> BlobSettings(string connectionString) => new()
    {
        ["Artifacts:Provider"] = "Blob",
        ["Artifacts:ConnectionString"] = connectionString,
    };

    public static IArtifactStore Store(string connectionString) =>
        ArtifactStoreFactory.Create(new ArtifactStoreOptions { Provider = ArtifactStoreKind.Blob, ConnectionString = connectionString });

    /// <summary>The episode's artifact names without the episode id, ordered.</summary>
    public static async Task<List<string>> ArtifactSetAsync(IArtifactStore store, string id)
    {
        var names = new List<string>();
        await foreach (ArtifactInfo info in store.ListAsync(id + "/", CancellationToken.None))
        {
            // The cost journal has one file per attempt: a crashed episode has more of them, by design.
            if (!info.Name.StartsWith(ArtifactNames.Journal(id), StringComparison.Ordinal))
            {
                names.Add(info.Name[(id.Length + 1)..]);
            }
        }

        return names;
    }
}
