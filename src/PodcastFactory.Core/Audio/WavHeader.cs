using System.Buffers.Binary;
using System.Text;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// The parts of a RIFF/WAVE header that matter for concatenation: the PCM format and where the samples are.
/// </summary>
/// <param name="Format">The PCM format from the "fmt " chunk.</param>
/// <param name="DataOffset">Offset of the first sample byte, counted from where reading started.</param>
/// <param name="DataLength">
/// Sample bytes in the "data" chunk, or null when the header declares an unknown size (0 or 0xFFFFFFFF, as
/// streaming writers do): the data then runs to the end of the stream. On a seekable stream the value is
/// clamped to the stream's end; on a non-seekable stream it is an upper bound only, because espeak-ng writing
/// to a pipe declares a placeholder size (0x7FFFF000) it never goes back to fix.
/// </param>
public sealed record WavHeader(WavFormat Format, long DataOffset, long? DataLength)
{
    /// <summary>Size of the canonical header written by <see cref="CreateCanonical"/>.</summary>
    public const int CanonicalSize = 44;

    const ushort PcmTag = 1, FloatTag = 3, ExtensibleTag = 0xFFFE;
    const int MaxFmtChunk = 1024;

    /// <summary>
    /// Reads a RIFF/WAVE header from the current position of <paramref name="stream"/>, walking the chunks up to
    /// "data" (skipping LIST, fact and any other chunk, with RIFF's odd-size padding), and leaves the stream at the
    /// first sample byte. Reads forward only, so pipes work.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a WAV file, truncated, or not integer PCM.</exception>
    public static async Task<WavHeader> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] head = new byte[12];
        await ReadExactAsync(stream, head, "RIFF header", cancellationToken);
        if (!head.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !head.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a WAV stream: it does not start with a RIFF/WAVE header.");
        }

        long position = 12;
        WavFormat? format = null;
        byte[] chunkHeader = new byte[8];
        while (true)
        {
            await ReadExactAsync(stream, chunkHeader, "chunk header", cancellationToken);
            position += 8;
            string id = Encoding.ASCII.GetString(chunkHeader, 0, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader.AsSpan(4));
            if (id == "data")
            {
                if (format is null)
                {
                    throw new InvalidDataException("Invalid WAV stream: the data chunk comes before the fmt chunk.");
                }

                return new WavHeader(format, position, DataLengthOf(stream, size));
            }

            long padded = size + (size & 1);
            if (id == "fmt ")
            {
                if (size is < 16 or > MaxFmtChunk)
                {
                    throw new InvalidDataException($"Invalid WAV stream: the fmt chunk is {size} bytes.");
                }

                byte[] fmt = new byte[padded];
                await ReadExactAsync(stream, fmt, "fmt chunk", cancellationToken);
                format = ParseFormat(fmt);
            }
            else
            {
                await SkipAsync(stream, padded, cancellationToken);
            }

            position += padded;
        }
    }

    /// <summary>A canonical 44-byte PCM header for <paramref name="dataLength"/> sample bytes (RIFF size includes the pad byte of odd data).</summary>
    public static byte[] CreateCanonical(WavFormat format, long dataLength)
    {
        ArgumentNullException.ThrowIfNull(format);
        long riffSize = 36 + dataLength + (dataLength & 1);
        if (dataLength < 0 || riffSize > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(dataLength), dataLength, "WAV data must be 0 bytes to 4 GB.");
        }

        byte[] header = new byte[CanonicalSize];
        Span<byte> h = header;
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)riffSize);
        "WAVEfmt "u8.CopyTo(h[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], PcmTag);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)format.BitsPerSample);
        "data"u8.CopyTo(h[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], (uint)dataLength);
        return header;
    }

    static long? DataLengthOf(Stream stream, uint declared)
    {
        bool unknown = declared is 0 or uint.MaxValue;
        if (!stream.CanSeek)
        {
            return unknown ? null : declared;
        }

        long remaining = Math.Max(0, stream.Length - stream.Position);
        return unknown ? remaining : Math.Min(declared, remaining);
    }

    static WavFormat ParseFormat(ReadOnlySpan<byte> fmt)
    {
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        int sampleRate = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]));
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == ExtensibleTag && fmt.Length >= 26)
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (tag != PcmTag)
        {
            string kind = tag == FloatTag ? "IEEE float" : "compressed or unknown";
            throw new InvalidDataException(
                $"WAV format tag {tag} ({kind}) is not PCM: only integer PCM WAV (format tag 1) can be stitched.");
        }

        if (channels < 1 || sampleRate < 1 || bits is not (8 or 16 or 24 or 32))
        {
            throw new InvalidDataException($"Invalid PCM WAV format: {sampleRate} Hz, {channels} channels, {bits} bits per sample.");
        }

        return new WavFormat(sampleRate, channels, bits);
    }

    static async Task ReadExactAsync(Stream stream, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Truncated WAV stream: it ends inside the {what} (no data chunk found).", e);
        }
    }

    static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                throw new InvalidDataException("Truncated WAV stream: it ends inside a chunk before the data chunk.");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        byte[] scratch = new byte[(int)Math.Min(count, 4096)];
        while (count > 0)
        {
            int read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(count, scratch.Length)), cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException("Truncated WAV stream: it ends inside a chunk before the data chunk.");
            }

            count -= read;
        }
    }
}
