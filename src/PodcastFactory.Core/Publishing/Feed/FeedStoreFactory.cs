using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>Creates the feed store next to the configured artifact store (its root folder, or its container).</summary>
public static class FeedStoreFactory
{
    /// <summary>Creates the store for <paramref name="options"/>.</summary>
    public static IFeedStore Create(ArtifactStoreOptions options) => Create(options, FileSystemFeedStore.FileName);

    /// <summary>Creates the store of the feed at <paramref name="name"/> (relative to the store's root, e.g. a show's feed).</summary>
    public static IFeedStore Create(ArtifactStoreOptions options, string name) => options.Provider switch
    {
        ArtifactStoreKind.FileSystem => new FileSystemFeedStore(options.RootPath, name),
        ArtifactStoreKind.Blob => new BlobFeedStore(ArtifactStoreFactory.CreateContainerClient(options), name),
        _ => throw new NotSupportedException($"Artifacts:Provider '{options.Provider}' has no feed store."),
    };
}
