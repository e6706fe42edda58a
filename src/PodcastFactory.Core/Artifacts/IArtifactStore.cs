namespace PodcastFactory.Core.Artifacts;

/// <summary>What is known about a stored artifact.</summary>
/// <param name="Name">Episode-relative or store-relative name, e.g. "ep-1/script.json".</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="InputHash">Hash of the producing activity's input, when recorded (used to skip repeated paid calls).</param>
/// <param name="LastModified">Last write time.</param>
public sealed record ArtifactInfo(string Name, long Length, string ContentType, string? InputHash, DateTimeOffset LastModified);

/// <summary>
/// Durable storage for episode artifacts: the file system locally, Blob Storage in Azure.
/// Writes are atomic (readers never see a half-written artifact) and overwrite, so a retried or replayed
/// activity replaces its output instead of duplicating it.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Human-readable location, e.g. a folder path or a container URL.</summary>
    string Location { get; }

    /// <summary>Writes (or replaces) an artifact atomically, streaming from <paramref name="content"/>.</summary>
    Task<ArtifactInfo> WriteAsync(string name, Stream content, string contentType, string? inputHash, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an artifact only if no artifact of that name exists, atomically: of many concurrent callers exactly one
    /// gets true (a file created with link semantics, a blob uploaded with If-None-Match: *). Returns false, writing
    /// nothing, when the artifact already exists.
    /// </summary>
    Task<bool> TryCreateAsync(string name, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens an artifact for streaming reads; throws <see cref="ArtifactNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>Returns what is known about an artifact, or null when it does not exist.</summary>
    Task<ArtifactInfo?> GetInfoAsync(string name, CancellationToken cancellationToken);

    /// <summary>Lists artifacts whose names start with <paramref name="prefix"/>, ordered by name.</summary>
    IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes an artifact if it exists.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

/// <summary>Thrown when an artifact that must exist does not.</summary>
public sealed class ArtifactNotFoundException(string name)
    : Exception($"Artifact '{name}' does not exist.")
{
    /// <summary>The missing artifact's name.</summary>
    public string Name { get; } = name;
}
