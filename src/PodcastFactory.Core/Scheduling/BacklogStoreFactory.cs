using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Scheduling;

/// <summary>Creates the backlog store that matches the configured artifact store.</summary>
public static class BacklogStoreFactory
{
    /// <summary>
    /// The file-system backlog lives beside the episodes (<c>{RootPath}/{BacklogName}</c>); the Blob backlog is a
    /// blob in the artifacts container, written with If-Match.
    /// </summary>
    public static IBacklogStore Create(ArtifactStoreOptions artifacts, SchedulerOptions scheduler, IArtifactStore store) => (artifacts.Provider, store) switch
    {
        (ArtifactStoreKind.FileSystem, _) => new FileSystemBacklogStore(Path.Combine(artifacts.RootPath, scheduler.BacklogName)),
        (ArtifactStoreKind.Blob, BlobArtifactStore blobs) => new BlobBacklogStore(blobs.Container, scheduler.BacklogName),
        _ => throw new NotSupportedException($"No backlog store for Artifacts:Provider '{artifacts.Provider}' with a {store.GetType().Name}."),
    };
}
