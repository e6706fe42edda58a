using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Artifacts;

/// <summary>Creates the configured artifact store.</summary>
public static class ArtifactStoreFactory
{
    /// <summary>Creates the store for <paramref name="options"/>.</summary>
    public static IArtifactStore Create(ArtifactStoreOptions options) => options.Provider switch
    {
        ArtifactStoreKind.FileSystem => new FileSystemArtifactStore(options.RootPath),
        _ => throw new NotSupportedException($"Artifacts:Provider '{options.Provider}' is not available in this build."),
    };
}
