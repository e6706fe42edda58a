using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Artifacts.Series;

/// <summary>A show's bible as read, with the ETag a conditional write must match.</summary>
/// <param name="Bible">The bible (empty when none is stored yet).</param>
/// <param name="ETag">The stored version's ETag, or null when no bible is stored yet.</param>
public sealed record BibleSnapshot(ShowBible Bible, string? ETag);

/// <summary>
/// Reads and conditionally writes a show's bible (<c>_shows/{id}/bible.json</c>, beside the feed). Conditional writes are
/// what keep two episodes of one show finishing at once from losing an entry: each append reads, adds and writes only
/// if nothing changed in between (<see cref="ShowBibles.AppendAsync"/> retries when something did). Implementations: the
/// file system (<see cref="FileSystemShowBibleStore"/>) and Blob Storage (<see cref="BlobShowBibleStore"/>).
/// </summary>
public interface IShowBibleStore
{
    /// <summary>Where the bibles live, for messages.</summary>
    string Location { get; }

    /// <summary>Reads the bible of <paramref name="show"/>; a missing bible reads as empty with a null ETag.</summary>
    Task<BibleSnapshot> ReadAsync(string show, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="bible"/> only when the stored version still has <paramref name="ifMatchETag"/> (null: only
    /// when no bible is stored). Returns the new ETag, or null when the condition failed.
    /// </summary>
    Task<string?> TryWriteAsync(ShowBible bible, string? ifMatchETag, CancellationToken cancellationToken);
}
