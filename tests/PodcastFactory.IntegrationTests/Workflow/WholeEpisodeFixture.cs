using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.IntegrationTests.Workflow;

/// <summary>One standard offline episode from the durable-workflows fixture, shared by the tests that read it.</summary>
public sealed class WholeEpisodeFixture : IAsyncLifetime
{
    internal LocalEpisodeRunner Runner { get; } = new();

    internal OrchestrationMetadata Metadata { get; private set; } = null!;

    internal EpisodeResult Result { get; private set; } = null!;

    public string Id => "fixture-episode";

    public async Task InitializeAsync()
    {
        var request = new EpisodeRequest
        {
            Topic = "How durable workflows recover from crashes",
            Sources = [new SourceInput(SourceKind.File, LocalEpisodeRunner.Fixture("durable-workflows.md"))],
            TargetMinutes = 3,
        };
        (Metadata, EpisodeResult? result) = await Runner.ProduceAsync(request, Id);
        Result = result ?? throw new InvalidOperationException($"Episode ended {Metadata.RuntimeStatus}: {Metadata.FailureDetails?.ErrorMessage}");
    }

    public async Task DisposeAsync() => await Runner.DisposeAsync();
}
