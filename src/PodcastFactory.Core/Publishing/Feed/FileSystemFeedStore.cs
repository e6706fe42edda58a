using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// <c>feed.xml</c> in the file store's root folder (or a show's feed at <c>relativePath</c>), rewritten through a <see cref="ConditionalFile"/> (ETag of the
/// bytes, process-wide lock plus a lock file, temporary file renamed over the feed).
/// </summary>
public sealed class FileSystemFeedStore(string rootPath, string relativePath = FileSystemFeedStore.FileName) : IFeedStore
{
    /// <summary>The feed's name at the store root.</summary>
    public const string FileName = "feed.xml";

    readonly ConditionalFile _file = new(
        Path.Combine(Path.GetFullPath(rootPath), relativePath),
        Path.Combine(Path.GetDirectoryName(Path.Combine(Path.GetFullPath(rootPath), relativePath))!, "." + Path.GetFileName(relativePath) + ".lock"),
        lockAttempts: 400);

    /// <inheritdoc />
    public string Location => _file.Path;

    /// <inheritdoc />
    public async Task<FeedSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        (byte[]? bytes, string? etag) = await _file.ReadAsync(cancellationToken);
        return new FeedSnapshot(bytes, etag, bytes is null ? null : new DateTimeOffset(File.GetLastWriteTimeUtc(_file.Path), TimeSpan.Zero));
    }

    /// <inheritdoc />
    public Task<string?> TryWriteAsync(byte[] content, string? ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _file.TryReplaceAsync(content, ifMatchETag, cancellationToken);
    }
}
