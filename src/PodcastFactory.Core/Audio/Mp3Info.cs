namespace PodcastFactory.Core.Audio;

/// <summary>What an MP3 stream holds, measured by walking its frames (not trusting tags or the Xing header).</summary>
/// <param name="Version">MPEG version of the first audio frame.</param>
/// <param name="SampleRate">Sample rate of the first audio frame in Hz.</param>
/// <param name="Channels">Channels of the first audio frame.</param>
/// <param name="FrameCount">Audio frames (the Xing/Info/VBRI header frame excluded).</param>
/// <param name="SampleCount">Samples per channel in all audio frames, encoder delay and padding included.</param>
/// <param name="Duration">Playing time of all audio frames.</param>
/// <param name="HasId3v2">Whether an ID3v2 tag was skipped at the start.</param>
/// <param name="HasId3v1">Whether an ID3v1 tag was skipped at the end.</param>
/// <param name="InfoFrameTag">"Xing", "Info" or "VBRI" when such a header frame was skipped, otherwise null.</param>
/// <param name="SkippedBytes">Bytes skipped as garbage.</param>
public sealed record Mp3Info(
    MpegVersion Version,
    int SampleRate,
    int Channels,
    long FrameCount,
    long SampleCount,
    TimeSpan Duration,
    bool HasId3v2,
    bool HasId3v1,
    string? InfoFrameTag,
    long SkippedBytes)
{
    /// <summary>Measures an MP3 stream, reading it to the end.</summary>
    /// <exception cref="InvalidDataException">The stream holds no MPEG Layer III frame.</exception>
    public static async Task<Mp3Info> MeasureAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new Mp3FrameReader(stream);
        Mp3FrameHeader? first = null;
        long frames = 0, samples = 0;
        double seconds = 0;
        while (await reader.ReadFrameAsync(cancellationToken) is { } frame)
        {
            first ??= frame.Header;
            frames++;
            samples += frame.Header.SamplesPerFrame;
            seconds += (double)frame.Header.SamplesPerFrame / frame.Header.SampleRate;
        }

        if (first is not { } header)
        {
            throw new InvalidDataException("The stream contains no MPEG Layer III audio frames.");
        }

        TimeSpan duration = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return new Mp3Info(header.Version, header.SampleRate, header.Channels, frames, samples, duration,
            reader.HasId3v2, reader.HasId3v1, reader.InfoFrameTag, reader.SkippedBytes);
    }
}
