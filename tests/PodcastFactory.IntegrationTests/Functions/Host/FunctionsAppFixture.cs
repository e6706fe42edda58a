using PodcastFactory.Core.Artifacts;
using PodcastFactory.FunctionsHost;

namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>
/// The built Functions app on the test host with the in-memory durable engine and artifacts in a temp folder:
/// one worker for every HTTP contract test. Stopped (worker by PID) when the tests end.
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    FunctionsAppHost? _host;

    public string Root { get; } = Directory.CreateTempSubdirectory("pf-func-").FullName;

    public FunctionsAppHost Host => _host ?? throw new InvalidOperationException("The Functions app did not start.");

    public Uri BaseAddress => Host.BaseAddress;

    public IArtifactStore Store => new FileSystemArtifactStore(Root);

    public async Task InitializeAsync()
    {
        Dictionary<string, string?> settings = FunctionsHostOptions.ReadLocalSettings();
        settings["Artifacts__Provider"] = "FileSystem";
        settings["Artifacts__RootPath"] = Root;
        settings["TaskHubName"] = "contract";
        _host = await FunctionsAppHost.StartAsync(new FunctionsHostOptions { Settings = settings, RunTimersOnSchedule = false });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}
