using PodcastFactory.Core.Artifacts;
using PodcastFactory.IntegrationTests.Functions.Host;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The HTTP contract against the Functions app itself, on the test Functions host (in-memory durable engine).</summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class FunctionsHttpContractTests(FunctionsAppFixture app) : HttpContractTests
{
    protected override Uri BaseAddress => app.BaseAddress;

    protected override IArtifactStore Store => app.Store;
}
