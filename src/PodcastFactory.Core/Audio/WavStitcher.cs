using PodcastFactory.Core.Models;
using System.Buffers;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// Concatenates PCM WAV segments into one WAV with silence after each, copying through a fixed 64 KB buffer so
/// an episode of any length needs constant memory. A seekable output gets a placeholder header that is patched
/// at the end; a non-seekable output gets its sizes from a first pass over the inputs (reading only headers when
/// an input is seekable, counting its data otherwise), then the inputs are opened again and copied.
/// </summary>
public sealed class WavStitcher : IAudioStitcher
{
    const int BufferSize = 64 * 1024;

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Wav;

    /// <inheritdoc />
    public async Task<StitchResult> StitchAsync(IReadOnlyList<StitchInput> inputs, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("At least one segment is required.", nameof(inputs));
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            return output.CanSeek
                ? await StitchSeekableAsync(inputs, output, buffer, cancellationToken)
                : await StitchTwoPassAsync(inputs, output, buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static async Task<StitchResult> StitchSeekableAsync(IReadOnlyList<StitchInput> inputs, Stream output, byte[] buffer, CancellationToken cancellationToken)
    {
        long start = output.Position;
        await output.WriteAsync(new byte[WavHeader.CanonicalSize], cancellationToken);
        WavFormat? format = null;
        long data = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            Stream input = await inputs[i].Open(cancellationToken);
            await using (input.ConfigureAwait(false))
            {
                WavHeader header = await WavHeader.ReadAsync(input, cancellationToken);
                format = CheckFormat(format, header.Format, i, inputs[i].Name);
                long copied = await CopyAsync(input, output, header.DataLength ?? long.MaxValue, buffer, cancellationToken);
                data += copied + await WriteFillAsync(output, AlignmentPad(copied, format), format.SilenceByte, buffer, cancellationToken);
            }

            data += await WriteFillAsync(output, WavDuration.SilenceBytes(inputs[i].PauseAfterMs, format), format.SilenceByte, buffer, cancellationToken);
        }

        long pad = await WriteFillAsync(output, data & 1, 0, buffer, cancellationToken);
        long end = output.Position;
        output.Seek(start, SeekOrigin.Begin);
        await output.WriteAsync(WavHeader.CreateCanonical(format!, data), cancellationToken);
        output.Seek(end, SeekOrigin.Begin);
        await output.FlushAsync(cancellationToken);
        return Result(format!, data, pad, inputs.Count);
    }

    static async Task<StitchResult> StitchTwoPassAsync(IReadOnlyList<StitchInput> inputs, Stream output, byte[] buffer, CancellationToken cancellationToken)
    {
        WavFormat? format = null;
        long[] lengths = new long[inputs.Count];
        long data = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            Stream input = await inputs[i].Open(cancellationToken);
            await using (input.ConfigureAwait(false))
            {
                WavHeader header = await WavHeader.ReadAsync(input, cancellationToken);
                format = CheckFormat(format, header.Format, i, inputs[i].Name);
                lengths[i] = input.CanSeek && header.DataLength is { } known
                    ? known
                    : await CopyAsync(input, Stream.Null, header.DataLength ?? long.MaxValue, buffer, cancellationToken);
            }

            data += lengths[i] + AlignmentPad(lengths[i], format) + WavDuration.SilenceBytes(inputs[i].PauseAfterMs, format);
        }

        await output.WriteAsync(WavHeader.CreateCanonical(format!, data), cancellationToken);
        for (int i = 0; i < inputs.Count; i++)
        {
            Stream input = await inputs[i].Open(cancellationToken);
            await using (input.ConfigureAwait(false))
            {
                WavHeader header = await WavHeader.ReadAsync(input, cancellationToken);
                CheckFormat(format, header.Format, i, inputs[i].Name);
                long copied = await CopyAsync(input, output, lengths[i], buffer, cancellationToken);
                if (copied != lengths[i])
                {
                    throw new InvalidDataException(
                        $"Segment {i} ('{inputs[i].Name}') changed between passes: {lengths[i]} data bytes measured, {copied} read.");
                }
            }

            await WriteFillAsync(output, AlignmentPad(lengths[i], format!), format!.SilenceByte, buffer, cancellationToken);
            await WriteFillAsync(output, WavDuration.SilenceBytes(inputs[i].PauseAfterMs, format), format.SilenceByte, buffer, cancellationToken);
        }

        long pad = await WriteFillAsync(output, data & 1, 0, buffer, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return Result(format!, data, pad, inputs.Count);
    }

    static WavFormat CheckFormat(WavFormat? expected, WavFormat actual, int index, string name) =>
        expected is null || expected == actual
            ? actual
            : throw new AudioFormatMismatchException(index, name, expected.ToString(), actual.ToString());

    // A segment ending mid sample frame is completed with silence so later samples stay frame-aligned.
    static long AlignmentPad(long length, WavFormat format) =>
        (format.BlockAlign - length % format.BlockAlign) % format.BlockAlign;

    static async Task<long> CopyAsync(Stream input, Stream output, long limit, byte[] buffer, CancellationToken cancellationToken)
    {
        long copied = 0;
        while (copied < limit)
        {
            int read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, limit - copied)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }

        return copied;
    }

    static async Task<long> WriteFillAsync(Stream output, long count, byte value, byte[] buffer, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return 0;
        }

        int chunk = (int)Math.Min(count, BufferSize);
        buffer.AsSpan(0, chunk).Fill(value);
        for (long left = count; left > 0; left -= chunk)
        {
            chunk = (int)Math.Min(left, BufferSize);
            await output.WriteAsync(buffer.AsMemory(0, chunk), cancellationToken);
        }

        return count;
    }

    static StitchResult Result(WavFormat format, long data, long pad, int segments) =>
        new("wav", WavHeader.CanonicalSize + data + pad, WavDuration.FromDataLength(data, format), segments, data / format.BlockAlign);
}
