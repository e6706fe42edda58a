using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Artifacts.Series;

/// <summary>
/// Bibles as JSON blobs in the artifacts container (<c>_shows/{id}/bible.json</c>). Conditional writes use the blob's own
/// ETag (<c>If-Match</c>, or <c>If-None-Match: *</c> for the first entry), so two instances appending episodes of one
/// show at once cannot both win with a stale copy.
/// </summary>
/// <param name="container">The artifacts container.</param>
public sealed class BlobShowBibleStore(BlobContainerClient container) : IShowBibleStore
{
    /// <inheritdoc />
    public string Location => container.Uri.ToString().TrimEnd('/');

    /// <inheritdoc />
    public async Task<BibleSnapshot> ReadAsync(string show, CancellationToken cancellationToken)
    {
        BlobClient blob = BlobOf(show);
        try
        {
            Response<BlobDownloadResult> response = await blob.DownloadContentAsync(cancellationToken);
            return new BibleSnapshot(ShowBibles.Parse(response.Value.Content.ToMemory().Span, blob.Uri.ToString()), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new BibleSnapshot(ShowBible.Empty(show), null);
        }
    }

    /// <inheritdoc />
    public async Task<string?> TryWriteAsync(ShowBible bible, string? ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bible);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var options = new BlobUploadOptions
        {
            Conditions = ifMatchETag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(ifMatchETag) },
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes.Json },
        };
        try
        {
            byte[] bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(bible, PodcastJson.Options);
            Response<BlobContentInfo> response = await BlobOf(bible.Show).UploadAsync(new BinaryData(bytes), options, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    BlobClient BlobOf(string show) => container.GetBlobClient(ArtifactNames.ShowBible(ShowBibles.CheckedId(show)));
}
