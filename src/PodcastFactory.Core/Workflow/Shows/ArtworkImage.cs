using System.Buffers.Binary;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>
/// What an uploaded show artwork is, read from its own bytes (never from the Content-Type it came with): a PNG (the
/// signature, then the IHDR chunk's width and height) or a JPEG (SOI, then the first start-of-frame segment's height and
/// width). Apple wants square art of 1400 to 3000 pixels a side; <see cref="Check"/> says why anything else is refused.
/// Only headers are read: the pixels are not decoded, so a crafted file cannot make this expensive.
/// </summary>
public sealed record ArtworkImage(string ContentType, string Extension, int Width, int Height)
{
    /// <summary>Smallest side Apple Podcasts accepts.</summary>
    public const int MinSide = 1400;

    /// <summary>Largest side Apple Podcasts accepts.</summary>
    public const int MaxSide = 3000;

    /// <summary>Largest upload (bytes): Apple's limit is smaller in practice, this bounds what we hold in memory.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The PNG media type.</summary>
    public const string Png = "image/png";

    /// <summary>The JPEG media type.</summary>
    public const string Jpeg = "image/jpeg";

    static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's format and size, or null when the bytes are neither a PNG nor a JPEG with a readable header.</summary>
    public static ArtworkImage? Read(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? ReadPng(bytes) : bytes is [0xFF, 0xD8, 0xFF, ..] ? ReadJpeg(bytes) : null;

    /// <summary>Why this image cannot be a show's artwork (square, 1400-3000 px), or null when it can.</summary>
    public string? Check() =>
        Width != Height ? $"The artwork must be square; it is {Width} x {Height} pixels."
        : Width is < MinSide or > MaxSide ? $"The artwork must be {MinSide} to {MaxSide} pixels a side; it is {Width} x {Height}."
        : null;

    // After the signature the first chunk must be IHDR (length 13): width and height are its first two big-endian words.
    static ArtworkImage? ReadPng(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24 || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]) != 13 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new ArtworkImage(Png, "png", (int)width, (int)height);
    }

    // Walks the marker segments after SOI until a start-of-frame (C0-CF but DHT C4, JPG C8, DAC CC): its payload is
    // precision (1 byte), height (2), width (2). Reaching the scan (DA) or the end first means there is no frame header.
    static ArtworkImage? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        int at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            byte marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // a fill byte before the marker
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // standalone markers carry no length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (length < 7 || at + 9 > bytes.Length)
                {
                    return null;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]), width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]);
                return width == 0 || height == 0 ? null : new ArtworkImage(Jpeg, "jpg", width, height);
            }

            at += 2 + length;
        }

        return null;
    }
}
