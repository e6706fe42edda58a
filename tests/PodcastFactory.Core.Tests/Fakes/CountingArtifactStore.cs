using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Tests.Fakes;

/// <summary>A store that counts what is asked of the store it wraps: how many writes, creates and listings an operation costs.</summary>
public sealed class CountingArtifactStore(IArtifactStore inner) : IArtifactStore
{
    int _writes;
    int _creates;
    int _lists;

    public int Writes => _writes;

    public int Creates => _creates;

    public int Lists => _lists;

    public string Location => inner.Location;

    public Task<ArtifactInfo> WriteAsync(string name, Stream content, string contentType, string? inputHash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        return inner.WriteAsync(name, content, contentType, inputHash, cancellationToken);
    }

    public Task<bool> TryCreateAsync(string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _creates);
        return inner.TryCreateAsync(name, content, contentType, cancellationToken);
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => inner.OpenReadAsync(name, cancellationToken);

    public Task<ArtifactInfo?> GetInfoAsync(string name, CancellationToken cancellationToken) => inner.GetInfoAsync(name, cancellationToken);

    public IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lists);
        return inner.ListAsync(prefix, cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
}
