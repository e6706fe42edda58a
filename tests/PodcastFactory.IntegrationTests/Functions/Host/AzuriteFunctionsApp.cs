using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.FunctionsHost;
using PodcastFactory.Local.Backends;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>Starts the Functions app on the test host with Azure Storage on Azurite: durable state and artifacts (blobs) in one account.</summary>
public static class AzuriteFunctionsApp
{
    /// <summary>Settings from local.settings.sample.json pointed at Azurite, with a task hub and container of their own.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string taskHub, string container)
    {
        Dictionary<string, string?> settings = FunctionsHostOptions.ReadLocalSettings();
        settings["AzureWebJobsStorage"] = connectionString;
        settings["TaskHubName"] = taskHub;
        settings["Artifacts__Provider"] = "Blob";
        settings["Artifacts__ConnectionString"] = connectionString;
        settings["Artifacts__ContainerName"] = container;
        return settings;
    }

    public static Task<FunctionsAppHost> StartAsync(
        string connectionString, string taskHub, IDictionary<string, string?> settings, ITestOutputHelper? output = null, ActivityLedger? ledger = null, TimeSpan? workItemVisibility = null) =>
        FunctionsAppHost.StartAsync(new FunctionsHostOptions
        {
            Settings = settings,
            Backend = new BackendSettings(BackendKind.AzureStorage, connectionString, taskHub) { WorkItemVisibilityTimeout = workItemVisibility ?? TimeSpan.FromMinutes(3), RenewActivityLocks = false },
            Ledger = ledger ?? new ActivityLedger(),
            RunTimersOnSchedule = false,
            Log = output is null ? null : line => Write(output, line),
        });

    /// <summary>The blob store the app writes its artifacts to.</summary>
    public static IArtifactStore Store(IDictionary<string, string?> settings) => ArtifactStoreFactory.Create(new ArtifactStoreOptions
    {
        Provider = ArtifactStoreKind.Blob,
        ConnectionString = settings["Artifacts__ConnectionString"],
        ContainerName = settings["Artifacts__ContainerName"]!,
    });

    static void Write(ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; late worker lines are dropped.
        }
    }
}
