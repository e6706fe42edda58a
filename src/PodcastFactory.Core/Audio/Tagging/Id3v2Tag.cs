using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace PodcastFactory.Core.Audio.Tagging;

/// <summary>A chapter for the ID3v2 Chapter Frame Addendum (CHAP), times in milliseconds from the start.</summary>
public sealed record Id3Chapter(string Title, long StartMs, long EndMs);

/// <summary>The tags written in front of the episode's MP3.</summary>
/// <param name="Title">Episode title (TIT2).</param>
/// <param name="Show">Show name (TALB).</param>
/// <param name="Artist">Hosts or author (TPE1).</param>
/// <param name="EpisodeNumber">Episode number (TRCK), when known.</param>
/// <param name="Date">Release date (TDRC, yyyy-MM-dd).</param>
/// <param name="Comment">Comment (COMM), e.g. the statement that the episode was produced with AI.</param>
/// <param name="Chapters">Chapters (CHAP frames under one ordered top-level CTOC), at most 255.</param>
/// <param name="Language">The spoken language as ISO 639-2 (TLAN, and the comment's language), e.g. <c>spa</c>; null: English.</param>
public sealed record Id3Metadata(string Title, string Show, string Artist, int? EpisodeNumber, DateOnly Date, string? Comment, IReadOnlyList<Id3Chapter> Chapters,
    string? Language = null);

/// <summary>
/// Writes an ID3v2.4 tag (UTF-8 text frames, syncsafe sizes, no unsynchronisation) with chapters per the ID3v2
/// Chapter Frame Addendum: one CHAP frame per chapter with an embedded TIT2, and a CTOC listing them in order.
/// </summary>
public static class Id3v2Tag
{
    /// <summary>The most chapters a CTOC frame can list (its entry count is one byte).</summary>
    public const int MaxChapters = 255;

    const byte Utf8 = 3;
    const int MaxFrameSize = 0x0FFFFFFF;

    /// <summary>Builds the tag bytes (header included).</summary>
    public static byte[] Build(Id3Metadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Chapters.Count > MaxChapters)
        {
            throw new ArgumentException($"An ID3 table of contents holds at most {MaxChapters} chapters; got {metadata.Chapters.Count}.", nameof(metadata));
        }

        using var frames = new MemoryStream();
        WriteFrame(frames, "TIT2", Text(metadata.Title));
        WriteFrame(frames, "TALB", Text(metadata.Show));
        WriteFrame(frames, "TPE1", Text(metadata.Artist));
        WriteFrame(frames, "TCON", Text("Podcast"));
        if (metadata.Language is { } language && Iso6392(language) == language)
        {
            WriteFrame(frames, "TLAN", Text(Iso6392(metadata.Language)));
        }

        WriteFrame(frames, "TDRC", Text(metadata.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (metadata.EpisodeNumber is { } number)
        {
            WriteFrame(frames, "TRCK", Text(number.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrWhiteSpace(metadata.Comment))
        {
            // COMM: encoding, language, empty short description (terminated), text.
            WriteFrame(frames, "COMM", [Utf8, .. Encoding.ASCII.GetBytes(Iso6392(metadata.Language)), 0, .. Encoding.UTF8.GetBytes(metadata.Comment)]);
        }

        if (metadata.Chapters.Count > 0)
        {
            WriteFrame(frames, "CTOC", TableOfContents(metadata.Chapters.Count));
            for (int i = 0; i < metadata.Chapters.Count; i++)
            {
                WriteFrame(frames, "CHAP", Chapter(i, metadata.Chapters[i]));
            }
        }

        byte[] header = new byte[10];
        "ID3"u8.CopyTo(header);
        header[3] = 4;
        WriteSyncsafe(header.AsSpan(6), checked((int)frames.Length));
        return [.. header, .. frames.ToArray()];
    }

    // A frame's language is three lower-case ASCII letters; anything else is written as English.
    static string Iso6392(string? language) =>
        language is { Length: 3 } code && code.All(char.IsAsciiLetterLower) ? code : "eng";

    static byte[] TableOfContents(int count)
    {
        using var body = new MemoryStream();
        body.Write("toc\0"u8);
        body.WriteByte(0x03); // top-level, ordered
        body.WriteByte((byte)count);
        for (int i = 0; i < count; i++)
        {
            body.Write(ElementId(i));
        }

        WriteFrame(body, "TIT2", Text("Chapters"));
        return body.ToArray();
    }

    static byte[] Chapter(int index, Id3Chapter chapter)
    {
        using var body = new MemoryStream();
        body.Write(ElementId(index));
        Span<byte> times = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(times, (uint)Math.Clamp(chapter.StartMs, 0, uint.MaxValue - 1));
        BinaryPrimitives.WriteUInt32BigEndian(times[4..], (uint)Math.Clamp(chapter.EndMs, 0, uint.MaxValue - 1));
        BinaryPrimitives.WriteUInt32BigEndian(times[8..], uint.MaxValue); // byte offsets unused: times rule
        BinaryPrimitives.WriteUInt32BigEndian(times[12..], uint.MaxValue);
        body.Write(times);
        WriteFrame(body, "TIT2", Text(chapter.Title));
        return body.ToArray();
    }

    static byte[] ElementId(int index) => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ch{index + 1}\0"));

    static byte[] Text(string value) => [Utf8, .. Encoding.UTF8.GetBytes(value)];

    static void WriteFrame(Stream output, string id, byte[] body)
    {
        if (body.Length > MaxFrameSize)
        {
            throw new ArgumentException($"ID3 frame {id} is too large ({body.Length} bytes).", nameof(body));
        }

        Span<byte> header = stackalloc byte[10];
        Encoding.ASCII.GetBytes(id, header);
        WriteSyncsafe(header[4..], body.Length);
        output.Write(header);
        output.Write(body);
    }

    static void WriteSyncsafe(Span<byte> target, int value)
    {
        target[0] = (byte)((value >> 21) & 0x7F);
        target[1] = (byte)((value >> 14) & 0x7F);
        target[2] = (byte)((value >> 7) & 0x7F);
        target[3] = (byte)(value & 0x7F);
    }
}
