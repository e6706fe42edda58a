using PodcastFactory.Core.Models;
using System.Buffers;
using System.Globalization;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// Concatenates the audio frames of MP3 segments into one MP3, streaming through a fixed 64 KB buffer. Tags and
/// Xing/Info/VBRI header frames of the inputs are dropped (their counts would be wrong for the whole file).
/// Every frame must have the first segment's sample rate and channel count.
/// </summary>
/// <remarks>
/// Pauses: when <c>insertSilence</c> is true (the default) each segment's pause is rendered as silent frames
/// (header plus all-zero side information, which every decoder plays as silence), rounded to whole frames
/// (24 ms at 24 kHz, 26 ms at 44.1 kHz). The first frame of an encoded segment never borrows from the bit
/// reservoir, so inserting frames between segments is safe.
/// </remarks>
public sealed class Mp3Stitcher(bool insertSilence = true) : IAudioStitcher
{
    const int BufferSize = 64 * 1024;

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Mp3;

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
        int filled = 0;
        Mp3FrameHeader? episode = null;
        long frames = 0, samples = 0, bytes = 0;
        try
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                Mp3FrameHeader? last = null;
                Stream input = await inputs[i].Open(cancellationToken);
                await using (input.ConfigureAwait(false))
                {
                    var reader = new Mp3FrameReader(input);
                    while (await reader.ReadFrameAsync(cancellationToken) is { } frame)
                    {
                        episode ??= frame.Header;
                        Check(episode.Value, frame.Header, i, inputs[i].Name);
                        filled = await AppendAsync(output, buffer, filled, frame.Data, cancellationToken);
                        frames++;
                        samples += frame.Header.SamplesPerFrame;
                        bytes += frame.Data.Length;
                        last = frame.Header;
                    }
                }

                if (last is not { } tail)
                {
                    throw new InvalidDataException($"Segment {i} ('{inputs[i].Name}') contains no MPEG Layer III audio frames.");
                }

                int silentFrames = insertSilence ? SilentFrameCount(inputs[i].PauseAfterMs, tail) : 0;
                if (silentFrames > 0)
                {
                    byte[] silent = tail.CreateSilentFrame();
                    for (int n = 0; n < silentFrames; n++)
                    {
                        filled = await AppendAsync(output, buffer, filled, silent, cancellationToken);
                    }

                    frames += silentFrames;
                    samples += (long)silentFrames * tail.SamplesPerFrame;
                    bytes += (long)silentFrames * silent.Length;
                }
            }

            await output.WriteAsync(buffer.AsMemory(0, filled), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new StitchResult("mp3", bytes, WavDuration.FromSampleFrames(samples, episode!.Value.SampleRate), inputs.Count, frames);
    }

    static int SilentFrameCount(int pauseMs, Mp3FrameHeader header) =>
        (int)Math.Round((double)pauseMs * header.SampleRate / 1000 / header.SamplesPerFrame);

    static void Check(Mp3FrameHeader episode, Mp3FrameHeader frame, int index, string name)
    {
        if (frame.SampleRate != episode.SampleRate || frame.Channels != episode.Channels)
        {
            throw new AudioFormatMismatchException(index, name, Describe(episode), Describe(frame));
        }
    }

    static string Describe(Mp3FrameHeader header) =>
        string.Create(CultureInfo.InvariantCulture, $"MP3 {header.SampleRate} Hz, {header.Channels} ch");

    static async Task<int> AppendAsync(Stream output, byte[] buffer, int filled, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (filled + data.Length > BufferSize)
        {
            await output.WriteAsync(buffer.AsMemory(0, filled), cancellationToken);
            filled = 0;
        }

        data.CopyTo(buffer.AsMemory(filled));
        return filled + data.Length;
    }
}
