using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.IntegrationTests.Workflow;

/// <summary>Runs whole episodes in-process (in-memory backend, offline agents, espeak-ng) into a temp folder.</summary>
internal sealed class LocalEpisodeRunner : IAsyncDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pf-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public async Task<(OrchestrationMetadata Metadata, EpisodeResult? Result)> ProduceAsync(
        EpisodeRequest request, string? id = null, IDictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = Root,
        };
        foreach (KeyValuePair<string, string?> kv in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[kv.Key] = kv.Value;
        }

        await using LocalRuntime runtime = await LocalRuntime.StartAsync(BackendSettings.InMemory, settings);
        StartedEpisode started = await runtime.Services.GetRequiredService<EpisodeStarter>().StartAsync(request, id, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        OrchestrationMetadata metadata = await runtime.Client.WaitForInstanceCompletionAsync(started.EpisodeId, getInputsAndOutputs: true, timeout.Token);
        EpisodeResult? result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<EpisodeResult>() : null;
        return (metadata, result);
    }

    public string PathOf(string artifact) => Path.Combine(Root, artifact);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
