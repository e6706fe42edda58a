using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

/// <summary>
/// What an activity test needs and nothing more: a file store in a temporary folder, the real <see cref="PaidStep"/>,
/// and, for the paid activities, the real model agents talking to <see cref="FakeOpenAIServer"/> over HTTP (so every
/// call is journaled and priced as in production, and the server's own count says what was paid).
/// </summary>
internal sealed class ActivityBed : IAsyncDisposable
{
    public const string Id = "ep-act";

    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-act-" + Guid.NewGuid().ToString("N")[..8]);
    ServiceProvider? _services;

    public ActivityBed()
    {
        Store = new FileSystemArtifactStore(_root);
        PaidStep = new PaidStep(Store, NullLogger<PaidStep>.Instance);
    }

    public FileSystemArtifactStore Store { get; }

    public PaidStep PaidStep { get; }

    public FakeOpenAIServer? Server { get; private set; }

    /// <summary>The activity context of orchestration run <paramref name="run"/> (its journal is per run).</summary>
    public static TaskActivityContext Context(string run = Id) => Mock.Of<TaskActivityContext>(c => c.InstanceId == run);

    /// <summary>Starts the fake model server, answering each structured request as a model would for <paramref name="brief"/>.</summary>
    public async Task<ActivityBed> WithModelAsync(ScriptBrief? brief = null)
    {
        Server = await FakeOpenAIServer.StartAsync();
        Server.Responder = EpisodeResponder.For(brief ?? AgentTestData.Brief());
        _services = ProviderStack.Azure(Server);
        return this;
    }

    /// <summary>A service of the provider stack (agents, speech) wired to the fake server.</summary>
    public T Get<T>() where T : notnull => (_services ?? throw new InvalidOperationException("Call WithModelAsync first.")).GetRequiredService<T>();

    /// <summary>Every attempt journal of the episode.</summary>
    public Task<CostJournal> JournalAsync() => JournalReader.ReadAsync(Store, ArtifactNames.Journal(Id));

    public async Task<string> WriteJsonAsync<T>(string name, T value)
    {
        await Store.WriteJsonAsync(name, value, inputHash: null, CancellationToken.None);
        return name;
    }

    public Task<T> ReadJsonAsync<T>(string name) => Store.ReadJsonAsync<T>(name, CancellationToken.None);

    public async Task<bool> ExistsAsync(string name) => await Store.GetInfoAsync(name, CancellationToken.None) is not null;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
