using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PodcastFactory.Core.Artifacts;

/// <summary>A document as read: its bytes and the ETag a conditional write must match (both null when it does not exist).</summary>
public sealed record DocumentSnapshot(byte[]? Content, string? ETag);

/// <summary>
/// One small document in the artifact store that is replaced only if it still holds what the writer read (optimistic
/// concurrency: what an HTTP If-Match needs). On the file system it is a <see cref="ConditionalFile"/> (ETag of the
/// bytes, locks across processes); in Blob Storage the blob's own ETag (<c>If-Match</c>, <c>If-None-Match: *</c>).
/// The backlog and the feed use the same two mechanisms through their own stores.
/// </summary>
public abstract class ConditionalDocument
{
    /// <summary>Reads the document.</summary>
    public abstract Task<DocumentSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="content"/> only if the stored ETag is <paramref name="ifMatchETag"/> (null: only if none exists); the new ETag, or null when the condition failed.</summary>
    public abstract Task<string?> TryWriteAsync(byte[] content, string contentType, string? ifMatchETag, CancellationToken cancellationToken);

    /// <summary>The document <paramref name="name"/> of <paramref name="store"/> (a file-system or blob store).</summary>
    public static ConditionalDocument Open(IArtifactStore store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!ArtifactNames.IsSafe(name))
        {
            throw new ArgumentException($"'{name}' is not a safe artifact name.", nameof(name));
        }

        return store switch
        {
            FileSystemArtifactStore files => new FileDocument(Path.Combine(files.Location, name.Replace('/', Path.DirectorySeparatorChar))),
            BlobArtifactStore blobs => new BlobDocument(blobs.Container, name),
            _ => throw new NotSupportedException($"A {store.GetType().Name} has no conditional documents."),
        };
    }

    sealed class FileDocument(string path) : ConditionalDocument
    {
        readonly ConditionalFile _file = new(path, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + ".lock"), lockAttempts: 200);

        public override async Task<DocumentSnapshot> ReadAsync(CancellationToken cancellationToken)
        {
            (byte[]? bytes, string? etag) = await _file.ReadAsync(cancellationToken);
            return new DocumentSnapshot(bytes, etag);
        }

        public override Task<string?> TryWriteAsync(byte[] content, string contentType, string? ifMatchETag, CancellationToken cancellationToken) =>
            _file.TryReplaceAsync(content, ifMatchETag, cancellationToken);
    }

    sealed class BlobDocument(BlobContainerClient container, string name) : ConditionalDocument
    {
        readonly BlobClient _blob = container.GetBlobClient(name);

        public override async Task<DocumentSnapshot> ReadAsync(CancellationToken cancellationToken)
        {
            try
            {
                Response<BlobDownloadResult> response = await _blob.DownloadContentAsync(cancellationToken);
                return new DocumentSnapshot(response.Value.Content.ToArray(), Quoted(response.Value.Details.ETag));
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return new DocumentSnapshot(null, null);
            }
        }

        public override async Task<string?> TryWriteAsync(byte[] content, string contentType, string? ifMatchETag, CancellationToken cancellationToken)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var options = new BlobUploadOptions
            {
                Conditions = ifMatchETag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(ifMatchETag) },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            };
            try
            {
                Response<BlobContentInfo> response = await _blob.UploadAsync(new BinaryData(content), options, cancellationToken);
                return Quoted(response.Value.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                return null;
            }
        }

        // An HTTP ETag is a quoted string; the SDK hands it back with or without the quotes depending on its source.
        static string Quoted(ETag etag) => etag.ToString() is var raw && raw.StartsWith('"') ? raw : "\"" + etag.ToString() + "\"";
    }
}
