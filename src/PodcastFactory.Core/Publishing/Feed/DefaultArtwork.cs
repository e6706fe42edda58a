namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>The supplied show artwork: a 1400 x 1400 px PNG, served at <c>/api/feed/artwork.png</c> when no <c>Feed:ArtworkUrl</c> is set.</summary>
public static class DefaultArtwork
{
    /// <summary>Its side, in pixels (Apple asks for 1400-3000, square).</summary>
    public const int SizePixels = 1400;

    /// <summary>Its MIME type.</summary>
    public const string ContentType = "image/png";

    static readonly Lazy<byte[]> _bytes = new(() =>
    {
        using Stream stream = typeof(DefaultArtwork).Assembly.GetManifestResourceStream("PodcastFactory.Core.Publishing.artwork.png")
            ?? throw new InvalidOperationException("The default artwork resource is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The PNG bytes.</summary>
    public static byte[] Bytes => _bytes.Value;
}
