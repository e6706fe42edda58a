using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Tests.Artifacts;

public sealed class FileSystemArtifactStoreContractTests : ArtifactStoreContractTests
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-store-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<IArtifactStore> CreateStoreAsync() => Task.FromResult<IArtifactStore>(new FileSystemArtifactStore(_root));

    protected override Task CleanUpAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
