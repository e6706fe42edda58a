using System.Text.Json;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Artifacts.Series;

/// <summary>
/// Bibles as JSON files under the artifact root (<c>{root}/_shows/{id}/bible.json</c>), rewritten through a
/// <see cref="ConditionalFile"/>: the ETag is a hash of the bytes, and a conditional write holds a process-wide lock and a
/// lock file (so <c>podcast serve</c> and a <c>podcast produce</c> on the same folder wait for each other).
/// </summary>
/// <param name="root">The artifact store's root folder.</param>
public sealed class FileSystemShowBibleStore(string root) : IShowBibleStore
{
    readonly string _root = Path.GetFullPath(root);

    /// <inheritdoc />
    public string Location => _root;

    /// <inheritdoc />
    public async Task<BibleSnapshot> ReadAsync(string show, CancellationToken cancellationToken)
    {
        ConditionalFile file = FileOf(show);
        (byte[]? bytes, string? etag) = await file.ReadAsync(cancellationToken);
        return bytes is null ? new BibleSnapshot(ShowBible.Empty(show), null) : new BibleSnapshot(ShowBibles.Parse(bytes, file.Path), etag);
    }

    /// <inheritdoc />
    public Task<string?> TryWriteAsync(ShowBible bible, string? ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bible);
        return FileOf(bible.Show).TryReplaceAsync(JsonSerializer.SerializeToUtf8Bytes(bible, PodcastJson.Options), ifMatchETag, cancellationToken);
    }

    ConditionalFile FileOf(string show)
    {
        string path = Path.Combine(_root, ArtifactNames.ShowBible(ShowBibles.CheckedId(show)));
        return new ConditionalFile(path, path + ".lock", lockAttempts: 200);
    }
}
