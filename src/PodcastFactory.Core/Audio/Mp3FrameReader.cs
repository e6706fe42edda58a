namespace PodcastFactory.Core.Audio;

/// <summary>
/// Walks the MPEG-1/2/2.5 Layer III audio frames of a stream, forward only, through a fixed 64 KB buffer.
/// Skips ID3v2 tags at the start (syncsafe size, optional footer), an ID3v1 "TAG" block at the end, and the
/// Xing/Info or VBRI header frame that encoders put first (it carries no audio). Resynchronises on garbage: a
/// header right after a frame with the same version and sample rate is trusted; any other candidate (first
/// frame, after garbage, after a rate change) is accepted only if the next frame header also parses with the
/// same version and sample rate, or the stream ends right after it.
/// </summary>
public sealed class Mp3FrameReader(Stream stream)
{
    const int BufferSize = 64 * 1024;
    const int Id3v1Size = 128;
    const int Id3v2HeaderSize = 10;

    readonly Stream _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    readonly byte[] _buffer = new byte[BufferSize];
    int _start;
    int _end;
    bool _eof;
    bool _started;
    Mp3FrameHeader? _previous;
    bool _sawAudio;

    /// <summary>True when the stream started with an ID3v2 tag.</summary>
    public bool HasId3v2 { get; private set; }

    /// <summary>True when the stream ended with an ID3v1 tag.</summary>
    public bool HasId3v1 { get; private set; }

    /// <summary>"Xing", "Info" or "VBRI" when such a header frame was skipped, otherwise null.</summary>
    public string? InfoFrameTag { get; private set; }

    /// <summary>Bytes skipped as garbage (not frames, not tags).</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Returns the next audio frame, or null at the end of the stream.</summary>
    /// <remarks>The frame's data points into the reader's buffer and is valid only until the next call.</remarks>
    public async ValueTask<Mp3Frame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            await SkipId3v2Async(cancellationToken);
        }

        while (true)
        {
            await EnsureAsync(Id3v1Size + 1, cancellationToken);
            int available = _end - _start;
            if (available == 0)
            {
                return null;
            }

            if (_eof && available == Id3v1Size && _buffer.AsSpan(_start, 3).SequenceEqual("TAG"u8))
            {
                HasId3v1 = true;
                _start = _end;
                return null;
            }

            if (!Mp3FrameHeader.TryParse(_buffer.AsSpan(_start, available), out Mp3FrameHeader header))
            {
                SkipGarbage(available);
                continue;
            }

            int length = header.FrameLength;
            await EnsureAsync(length + Mp3FrameHeader.Size, cancellationToken);
            available = _end - _start;
            if (available < length)
            {
                // A frame cut off by the end of the stream cannot be decoded: drop it.
                SkippedBytes += available;
                _start = _end;
                return null;
            }

            bool continues = _previous is { } previous && previous.Version == header.Version && previous.SampleRate == header.SampleRate;
            if (!continues && !NextFrameFollows(header, length, available))
            {
                SkipGarbage(available);
                continue;
            }

            _previous = header;
            ReadOnlyMemory<byte> data = _buffer.AsMemory(_start, length);
            _start += length;
            if (!_sawAudio && InfoTagOf(header, data.Span) is { } tag)
            {
                InfoFrameTag = tag;
                continue;
            }

            _sawAudio = true;
            return new Mp3Frame(header, data);
        }
    }

    bool NextFrameFollows(Mp3FrameHeader header, int length, int available)
    {
        int rest = available - length;
        if (rest < Mp3FrameHeader.Size)
        {
            return _eof;
        }

        ReadOnlySpan<byte> next = _buffer.AsSpan(_start + length, rest);
        if (_eof && rest == Id3v1Size && next.StartsWith("TAG"u8))
        {
            return true;
        }

        return Mp3FrameHeader.TryParse(next, out Mp3FrameHeader following)
            && following.Version == header.Version && following.SampleRate == header.SampleRate;
    }

    static string? InfoTagOf(Mp3FrameHeader header, ReadOnlySpan<byte> frame)
    {
        int xing = Mp3FrameHeader.Size + (header.HasCrc ? 2 : 0) + header.SideInfoLength;
        if (frame.Length >= xing + 4 && (frame.Slice(xing, 4).SequenceEqual("Xing"u8) || frame.Slice(xing, 4).SequenceEqual("Info"u8)))
        {
            return frame.Slice(xing, 4).SequenceEqual("Xing"u8) ? "Xing" : "Info";
        }

        const int vbri = Mp3FrameHeader.Size + 32;
        return frame.Length >= vbri + 4 && frame.Slice(vbri, 4).SequenceEqual("VBRI"u8) ? "VBRI" : null;
    }

    void SkipGarbage(int available)
    {
        // Jump to the next possible sync byte, but never past the start of a possible trailing ID3v1 tag.
        int next = _buffer.AsSpan(_start + 1, available - 1).IndexOf((byte)0xFF);
        int skip = next < 0 ? available : next + 1;
        if (available > Id3v1Size)
        {
            skip = Math.Min(skip, available - Id3v1Size);
        }

        _start += skip;
        SkippedBytes += skip;
        _previous = null;
    }

    async Task SkipId3v2Async(CancellationToken cancellationToken)
    {
        while (true)
        {
            await EnsureAsync(Id3v2HeaderSize, cancellationToken);
            ReadOnlySpan<byte> h = _buffer.AsSpan(_start, _end - _start);
            if (h.Length < Id3v2HeaderSize || !h.StartsWith("ID3"u8) || h[3] == 0xFF || h[4] == 0xFF
                || (h[6] | h[7] | h[8] | h[9]) >= 0x80)
            {
                return;
            }

            HasId3v2 = true;
            long size = Id3v2HeaderSize + (h[6] << 21 | h[7] << 14 | h[8] << 7 | h[9]) + ((h[5] & 0x10) != 0 ? 10 : 0);
            await SkipAsync(size, cancellationToken);
        }
    }

    async Task SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_end == _start)
            {
                await EnsureAsync(1, cancellationToken);
                if (_end == _start)
                {
                    return;
                }
            }

            int take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        int available = _end - _start;
        if (available >= count || _eof)
        {
            return;
        }

        Buffer.BlockCopy(_buffer, _start, _buffer, 0, available);
        _start = 0;
        _end = available;
        while (_end < count && !_eof)
        {
            int read = await _stream.ReadAsync(_buffer.AsMemory(_end, BufferSize - _end), cancellationToken);
            _eof = read == 0;
            _end += read;
        }
    }
}
