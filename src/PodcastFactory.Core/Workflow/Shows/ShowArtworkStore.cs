using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>An uploaded artwork's bytes and media type.</summary>
public sealed record StoredArtwork(byte[] Bytes, string ContentType);

/// <summary>
/// A show's uploaded artwork beside its document: <c>_shows/{id}/artwork.png</c> or <c>artwork.jpg</c>, never both
/// (an upload of the other format removes the old one). Purging the show removes it with everything under its folder.
/// </summary>
public sealed class ShowArtworkStore(IArtifactStore store)
{
    static readonly string[] _extensions = ["png", "jpg"];

    /// <summary>The artifact name of a show's artwork in the format with <paramref name="extension"/>.</summary>
    public static string ArtifactName(string id, string extension) => $"_shows/{id}/artwork.{extension}";

    /// <summary>Stores <paramref name="image"/>'s bytes as the show's artwork, replacing an earlier upload of either format.</summary>
    public async Task WriteAsync(string id, ArtworkImage image, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (var content = new MemoryStream(bytes, writable: false))
        {
            await store.WriteAsync(ArtifactName(id, image.Extension), content, image.ContentType, inputHash: null, cancellationToken);
        }

        foreach (string other in _extensions.Where(e => e != image.Extension))
        {
            await store.DeleteAsync(ArtifactName(id, other), cancellationToken);
        }
    }

    /// <summary>True when the show has an uploaded artwork.</summary>
    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken) => await FindNameAsync(id, cancellationToken) is not null;

    /// <summary>The show's uploaded artwork, or null when there is none.</summary>
    public async Task<StoredArtwork?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindNameAsync(id, cancellationToken) is not { } info)
        {
            return null;
        }

        try
        {
            await using Stream stream = await store.OpenReadAsync(info.Name, cancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            // The type follows the name we chose, not what a store recorded (a folder store may only guess from the extension).
            return new StoredArtwork(buffer.ToArray(), info.Name.EndsWith(".png", StringComparison.Ordinal) ? ArtworkImage.Png : ArtworkImage.Jpeg);
        }
        catch (ArtifactNotFoundException)
        {
            return null; // replaced by the other format or purged between the look-up and the read
        }
    }

    async Task<ArtifactInfo?> FindNameAsync(string id, CancellationToken cancellationToken)
    {
        foreach (string extension in _extensions)
        {
            if (await store.GetInfoAsync(ArtifactName(id, extension), cancellationToken) is { } info)
            {
                return info;
            }
        }

        return null;
    }
}
