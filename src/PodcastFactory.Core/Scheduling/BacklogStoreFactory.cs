using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Scheduling;

/// <summary>Creates the backlog store that matches the configured artifact store.</summary>
public static class BacklogStoreFactory
{
    /// <summary>
    /// The file-system backlog lives beside the episodes (<c>{RootPath}/{BacklogName}</c>). The Blob backlog
    /// (a blob in the artifacts container, written with If-Match) is the seam for the Blob artifact store.
    /// </summary>
    public static IBacklogStore Create(ArtifactStoreOptions artifacts, SchedulerOptions scheduler) => artifacts.Provider switch
    {
        ArtifactStoreKind.FileSystem => new FileSystemBacklogStore(Path.Combine(artifacts.RootPath, scheduler.BacklogName)),
        _ => throw new NotSupportedException($"A backlog store for Artifacts:Provider '{artifacts.Provider}' is not available in this build."),
    };
}
