using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The HTTP contract against <c>podcast serve</c> (child process, in-memory backend, artifacts in a folder).</summary>
public sealed class ServeHttpContractTests(ServeProcess serve) : HttpContractTests, IClassFixture<ServeProcess>
{
    protected override Uri BaseAddress => serve.BaseAddress;

    protected override IArtifactStore Store => new FileSystemArtifactStore(serve.Root);
}
