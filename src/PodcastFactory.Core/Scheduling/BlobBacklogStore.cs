using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Scheduling;

/// <summary>
/// The backlog as a JSON blob in the artifacts container. Conditional writes use the blob's own ETag
/// (<c>If-Match</c>, or <c>If-None-Match: *</c> when no backlog exists yet), so two scheduler ticks on different
/// instances, or a tick and a person editing the blob, can never both take the same topic.
/// </summary>
public sealed class BlobBacklogStore(BlobContainerClient container, string blobName) : IBacklogStore
{
    readonly BlobClient _blob = container.GetBlobClient(blobName);

    /// <inheritdoc />
    public string Location => _blob.Uri.ToString();

    /// <inheritdoc />
    public async Task<BacklogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Response<BlobDownloadResult> response = await _blob.DownloadContentAsync(cancellationToken);
            return new BacklogSnapshot(FileSystemBacklogStore.Parse(response.Value.Content.ToMemory().Span, Location), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new BacklogSnapshot(Backlog.Empty, null);
        }
    }

    /// <inheritdoc />
    public async Task<string?> TryWriteAsync(Backlog backlog, string? ifMatchETag, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobRequestConditions conditions = ifMatchETag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(ifMatchETag) };
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            HttpHeaders = new BlobHttpHeaders { ContentType = Artifacts.ContentTypes.Json },
        };
        try
        {
            byte[] bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(backlog, PodcastJson.Options);
            Response<BlobContentInfo> response = await _blob.UploadAsync(new BinaryData(bytes), options, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }
}
