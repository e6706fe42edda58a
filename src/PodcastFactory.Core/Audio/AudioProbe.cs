namespace PodcastFactory.Core.Audio;

/// <summary>Measures the playing time of a stored audio artifact from its own structure (header or frames).</summary>
public static class AudioProbe
{
    /// <summary>Duration of a WAV (from its header and data size) or MP3 (by walking its frames).</summary>
    public static async Task<TimeSpan> DurationAsync(string name, Stream stream, CancellationToken cancellationToken)
    {
        if (name.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase))
        {
            return (await Mp3Info.MeasureAsync(stream, cancellationToken)).Duration;
        }

        WavHeader header = await WavHeader.ReadAsync(stream, cancellationToken);
        long dataLength = header.DataLength ?? (stream.CanSeek ? stream.Length - header.DataOffset : 0);
        return WavDuration.FromDataLength(dataLength, header.Format);
    }
}
