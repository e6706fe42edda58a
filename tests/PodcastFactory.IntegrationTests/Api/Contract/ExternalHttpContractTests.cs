using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>
/// The HTTP contract against a host started outside the tests, e.g. the Functions app under <c>func start</c>
/// (scripts/contract-func.sh). Compiled only with <c>-p:ExternalContract=true</c>. <c>CONTRACT_BASE_URL</c> is the
/// host; its artifacts are the Blob container <c>CONTRACT_CONTAINER</c> (default <c>episodes</c>) of
/// <c>CONTRACT_STORAGE</c> (default <c>UseDevelopmentStorage=true</c>), or the folder <c>CONTRACT_ARTIFACTS_DIR</c>.
/// </summary>
public sealed class ExternalHttpContractTests : HttpContractTests
{
    protected override Uri BaseAddress { get; } = new(Environment.GetEnvironmentVariable("CONTRACT_BASE_URL")
        ?? throw new InvalidOperationException("Set CONTRACT_BASE_URL to the host under test, e.g. http://localhost:7071."));

    protected override IArtifactStore Store { get; } = Environment.GetEnvironmentVariable("CONTRACT_ARTIFACTS_DIR") is { Length: > 0 } folder
        ? new FileSystemArtifactStore(folder)
        : ArtifactStoreFactory.Create(new ArtifactStoreOptions
        {
            Provider = ArtifactStoreKind.Blob,
            ConnectionString = Environment.GetEnvironmentVariable("CONTRACT_STORAGE") ?? "UseDevelopmentStorage=true",
            ContainerName = Environment.GetEnvironmentVariable("CONTRACT_CONTAINER") ?? "episodes",
        });
}
