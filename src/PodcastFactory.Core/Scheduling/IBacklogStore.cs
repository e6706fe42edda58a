namespace PodcastFactory.Core.Scheduling;

/// <summary>A backlog as read, with the ETag a conditional write must match.</summary>
/// <param name="Backlog">The backlog (empty when none is stored).</param>
/// <param name="ETag">The stored version's ETag, or null when no backlog is stored yet.</param>
public sealed record BacklogSnapshot(Backlog Backlog, string? ETag);

/// <summary>
/// Reads and conditionally writes the topic backlog. Conditional writes are what keep two scheduler ticks (or a
/// tick and a person editing the backlog) from taking the same topic twice. Implementations: the file system
/// (<see cref="FileSystemBacklogStore"/>) and Blob Storage (<see cref="BlobBacklogStore"/>), chosen by <see cref="BacklogStoreFactory"/>.
/// </summary>
public interface IBacklogStore
{
    /// <summary>Where the backlog lives, for messages.</summary>
    string Location { get; }

    /// <summary>Reads the backlog; a missing backlog reads as empty with a null ETag. Throws <see cref="InvalidDataException"/> for invalid JSON.</summary>
    Task<BacklogSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="backlog"/> only when the stored version still has <paramref name="ifMatchETag"/>
    /// (null: only when no backlog is stored). Returns the new ETag, or null when the condition failed.
    /// </summary>
    Task<string?> TryWriteAsync(Backlog backlog, string? ifMatchETag, CancellationToken cancellationToken);
}
