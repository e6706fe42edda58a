using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// Artifacts as block blobs in one container (default <c>episodes</c>, created on first use). Uploads stream
/// from the caller's stream in blocks and become visible only when the block list is committed at the end, so
/// a reader (or a crash) never sees half an artifact. The content type is the blob's Content-Type header and the
/// producing input hash is blob metadata (<c>inputhash</c>), written in the same commit as the data.
/// </summary>
public sealed class BlobArtifactStore : IArtifactStore
{
    /// <summary>Blob metadata key that holds the producing activity's input hash.</summary>
    public const string InputHashMetadataKey = "inputhash";

    const int TransferChunkBytes = 4 * 1024 * 1024;
    readonly BlobContainerClient _container;
    readonly SemaphoreSlim _createLock = new(1, 1);
    volatile bool _containerReady;

    /// <summary>Creates a store over <paramref name="container"/>; the container is created on first use if missing.</summary>
    public BlobArtifactStore(BlobContainerClient container)
    {
        _container = container;
    }

    /// <summary>The container this store writes to (for callers that need other blob operations on it).</summary>
    public BlobContainerClient Container => _container;

    /// <inheritdoc />
    public string Location => _container.Uri.ToString().TrimEnd('/');

    /// <inheritdoc />
    public async Task<ArtifactInfo> WriteAsync(string name, Stream content, string contentType, string? inputHash, CancellationToken cancellationToken)
    {
        BlobClient blob = BlobOf(name);
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = MetadataOf(inputHash),
            TransferOptions = new Azure.Storage.StorageTransferOptions
            {
                InitialTransferSize = TransferChunkBytes,
                MaximumTransferSize = TransferChunkBytes,
                MaximumConcurrency = 2,
            },
        };
        await blob.UploadAsync(content, options, cancellationToken);
        return (await GetInfoAsync(name, cancellationToken))
            ?? throw new InvalidOperationException($"Artifact '{name}' was uploaded but cannot be read back.");
    }

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        BlobClient blob = BlobOf(name);
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        };
        try
        {
            await blob.UploadAsync(content, options, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        BlobClient blob = BlobOf(name);
        try
        {
            // Pinned to the version that exists now (ETag), read in chunks: never the whole blob in memory.
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = TransferChunkBytes }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ArtifactNotFoundException(name);
        }
    }

    /// <inheritdoc />
    public async Task<ArtifactInfo?> GetInfoAsync(string name, CancellationToken cancellationToken)
    {
        BlobClient blob = BlobOf(name);
        try
        {
            BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new ArtifactInfo(name, properties.ContentLength, ContentTypeOr(properties.ContentType, name), HashOf(properties.Metadata), properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);

        // Blob listings are returned in lexicographic (ordinal) order of names, as the contract requires.
        await foreach (BlobItem item in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            BlobItemProperties p = item.Properties;
            yield return new ArtifactInfo(item.Name, p.ContentLength ?? 0, ContentTypeOr(p.ContentType, item.Name), HashOf(item.Metadata), p.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        BlobClient blob = BlobOf(name);
        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The container does not exist yet, so neither does the artifact.
        }
    }

    // Once per store; a failure is not remembered, so a transient fault (or Azurite starting late) is retried.
    async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (!_containerReady)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                _containerReady = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }

    BlobClient BlobOf(string name)
    {
        if (!ArtifactNames.IsSafe(name))
        {
            throw new ArgumentException($"'{name}' is not a valid artifact name.", nameof(name));
        }

        return _container.GetBlobClient(name);
    }

    static Dictionary<string, string> MetadataOf(string? inputHash) =>
        inputHash is null ? [] : new Dictionary<string, string> { [InputHashMetadataKey] = inputHash };

    static string? HashOf(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(InputHashMetadataKey, out string? hash) && hash.Length > 0 ? hash : null;

    static string ContentTypeOr(string? contentType, string name) =>
        string.IsNullOrEmpty(contentType) ? ContentTypes.ForName(name) : contentType;
}
