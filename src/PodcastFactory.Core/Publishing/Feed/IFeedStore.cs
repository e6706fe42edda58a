namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>The feed's bytes as read, with the ETag a conditional write must match and when it was last written (both null when there is no feed yet).</summary>
public sealed record FeedSnapshot(byte[]? Content, string? ETag, DateTimeOffset? LastModified = null);

/// <summary>
/// Where <c>feed.xml</c> lives (the artifact store's root) with conditional writes, so two episodes finishing at
/// once can never overwrite each other's item: the loser's write fails and it merges again.
/// </summary>
public interface IFeedStore
{
    /// <summary>Human-readable location.</summary>
    string Location { get; }

    /// <summary>Reads the feed; a missing feed reads as null content with a null ETag.</summary>
    Task<FeedSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes only if the stored feed still has <paramref name="ifMatchETag"/> (null: only if none exists). Returns the new ETag, or null when the condition failed.</summary>
    Task<string?> TryWriteAsync(byte[] content, string? ifMatchETag, CancellationToken cancellationToken);
}
