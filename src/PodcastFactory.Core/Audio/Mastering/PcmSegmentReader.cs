using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using NLayer;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// Decodes one audio segment (integer PCM WAV, or MP3 with the managed NLayer decoder) into mono float samples
/// (full scale 1.0; channels are averaged), a chunk at a time. WAV is streamed; an MP3 segment is buffered
/// because the decoder wants a seekable stream, which is bounded by <see cref="MaxMp3SegmentBytes"/>.
/// </summary>
public sealed class PcmSegmentReader : IAsyncDisposable
{
    /// <summary>The largest MP3 segment accepted (a speech provider's 4096-character call is a few MB).</summary>
    public const int MaxMp3SegmentBytes = 64 * 1024 * 1024;

    readonly Stream _stream;
    readonly WavFormat? _wav;
    readonly MpegFile? _mpeg;
    long _wavLeft;
    byte[] _bytes = [];
    float[] _interleaved = [];

    PcmSegmentReader(Stream stream, WavFormat? wav, long wavData, MpegFile? mpeg, int sampleRate, int channels)
    {
        _stream = stream;
        _wav = wav;
        _wavLeft = wavData;
        _mpeg = mpeg;
        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Sample rate of the segment.</summary>
    public int SampleRate { get; }

    /// <summary>Channels in the segment (the output is always mono).</summary>
    public int Channels { get; }

    /// <summary>Opens <paramref name="stream"/> (taking ownership) as <paramref name="format"/>.</summary>
    /// <exception cref="InvalidDataException">The segment is not valid audio of that format.</exception>
    public static async Task<PcmSegmentReader> OpenAsync(Stream stream, AudioFormat format, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (format == AudioFormat.Wav)
        {
            WavHeader header = await WavHeader.ReadAsync(stream, cancellationToken);
            return new PcmSegmentReader(stream, header.Format, header.DataLength ?? long.MaxValue, null, header.Format.SampleRate, header.Format.Channels);
        }

        var buffer = new MemoryStream();
        await CopyBoundedAsync(stream, buffer, name, cancellationToken);
        await stream.DisposeAsync();
        buffer.Position = 0;
        try
        {
            var mpeg = new MpegFile(buffer);
            return new PcmSegmentReader(buffer, null, 0, mpeg, mpeg.SampleRate, mpeg.Channels);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidDataException($"Segment '{name}' is not a decodable MP3: {ex.Message}", ex);
        }
    }

    /// <summary>Reads up to <paramref name="output"/>.Length mono samples; 0 at the end.</summary>
    public async ValueTask<int> ReadAsync(float[] output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        int wanted = output.Length * Channels;
        if (_interleaved.Length < wanted)
        {
            _interleaved = new float[wanted];
        }

        int read = _mpeg is not null ? _mpeg.ReadSamples(_interleaved, 0, wanted) : await ReadWavAsync(wanted, cancellationToken);
        int frames = read / Channels;
        Downmix(_interleaved, output, frames, Channels);
        return frames;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _mpeg?.Dispose();
        await _stream.DisposeAsync();
    }

    async ValueTask<int> ReadWavAsync(int samples, CancellationToken cancellationToken)
    {
        int width = (_wav!.BitsPerSample + 7) / 8;
        int want = (int)Math.Min(samples * width, _wavLeft);
        if (_bytes.Length < want)
        {
            _bytes = new byte[want];
        }

        int got = 0;
        while (got < want)
        {
            int n = await _stream.ReadAsync(_bytes.AsMemory(got, want - got), cancellationToken);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        _wavLeft -= got;
        int count = got / width / Channels * Channels;
        Decode(_bytes, _interleaved, count, width);
        return count;
    }

    // Per-sample loops outside the async methods, compiled optimized at once (see EpisodeMasterer.Scale).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Decode(byte[] bytes, float[] samples, int count, int width)
    {
        for (int i = 0; i < count; i++)
        {
            samples[i] = Sample(bytes.AsSpan(i * width, width));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Downmix(float[] interleaved, float[] output, int frames, int channels)
    {
        for (int i = 0; i < frames; i++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += interleaved[(i * channels) + c];
            }

            output[i] = sum / channels;
        }
    }

    static float Sample(ReadOnlySpan<byte> b) => b.Length switch
    {
        1 => (b[0] - 128) / 128f,
        2 => BinaryPrimitives.ReadInt16LittleEndian(b) / 32768f,
        3 => ((b[0] << 8) | (b[1] << 16) | (b[2] << 24)) / 2147483648f,
        _ => BinaryPrimitives.ReadInt32LittleEndian(b) / 2147483648f,
    };

    static async Task CopyBoundedAsync(Stream input, MemoryStream output, string name, CancellationToken cancellationToken)
    {
        byte[] chunk = new byte[81920];
        int n;
        while ((n = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (output.Length + n > MaxMp3SegmentBytes)
            {
                throw new InvalidDataException($"Segment '{name}' is larger than {MaxMp3SegmentBytes / (1024 * 1024)} MB.");
            }

            output.Write(chunk, 0, n);
        }
    }
}
