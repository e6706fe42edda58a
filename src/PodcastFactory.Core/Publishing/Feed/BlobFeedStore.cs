using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// <c>feed.xml</c> as a blob at the root of the artifacts container (or a show's feed, <c>blobName</c>). Writes are conditional on the blob's ETag
/// (<c>If-Match</c>, or <c>If-None-Match: *</c> for the first feed); 409/412 mean another writer won.
/// </summary>
public sealed class BlobFeedStore(BlobContainerClient container, string blobName = FileSystemFeedStore.FileName) : IFeedStore
{
    readonly BlobClient _blob = container.GetBlobClient(blobName);

    /// <inheritdoc />
    public string Location => _blob.Uri.ToString();

    /// <inheritdoc />
    public async Task<FeedSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Response<BlobDownloadResult> response = await _blob.DownloadContentAsync(cancellationToken);
            return new FeedSnapshot(response.Value.Content.ToArray(), response.Value.Details.ETag.ToString(), response.Value.Details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new FeedSnapshot(null, null);
        }
    }

    /// <inheritdoc />
    public async Task<string?> TryWriteAsync(byte[] content, string? ifMatchETag, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var options = new BlobUploadOptions
        {
            Conditions = ifMatchETag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(ifMatchETag) },
            HttpHeaders = new BlobHttpHeaders { ContentType = PodcastFeed.ContentType },
        };
        try
        {
            Response<BlobContentInfo> response = await _blob.UploadAsync(new BinaryData(content), options, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }
}
