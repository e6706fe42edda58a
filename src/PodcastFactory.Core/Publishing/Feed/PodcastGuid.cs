using System.Security.Cryptography;
using System.Text;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// The Podcasting 2.0 <c>podcast:guid</c>: a UUIDv5 (RFC 9562, SHA-1) of the feed URL without its scheme and trailing
/// slashes, in the namespace the spec fixes (<see cref="Namespace"/>), so any app derives the same id from the URL.
/// </summary>
public static class PodcastGuid
{
    /// <summary>The namespace UUID the Podcasting 2.0 spec defines for podcast:guid.</summary>
    public static readonly Guid Namespace = new("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    /// <summary>The guid of the feed at <paramref name="feedUrl"/> (e.g. <c>https://host/api/feed.xml</c>).</summary>
    public static Guid Of(Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        string url = feedUrl.AbsoluteUri;
        return OfName(url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/'));
    }

    /// <summary>The UUIDv5 of <paramref name="name"/> (the feed URL already without scheme and trailing slashes).</summary>
    public static Guid OfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] input = [.. Namespace.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)];
#pragma warning disable CA5350 // SHA-1 is what UUIDv5 is defined with; this is an identifier, not a security measure.
        byte[] hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
