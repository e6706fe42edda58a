namespace PodcastFactory.Core.Audio;

/// <summary>Duration arithmetic for PCM audio.</summary>
public static class WavDuration
{
    /// <summary>Duration of <paramref name="dataBytes"/> bytes of PCM in <paramref name="format"/> (partial sample frames are ignored).</summary>
    public static TimeSpan FromDataLength(long dataBytes, WavFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegative(dataBytes);
        return FromSampleFrames(dataBytes / format.BlockAlign, format.SampleRate);
    }

    /// <summary>Duration of <paramref name="sampleFrames"/> sample frames at <paramref name="sampleRate"/>.</summary>
    public static TimeSpan FromSampleFrames(long sampleFrames, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return TimeSpan.FromTicks((long)Math.Round((double)sampleFrames * TimeSpan.TicksPerSecond / sampleRate));
    }

    /// <summary>Bytes of silence lasting <paramref name="milliseconds"/> in <paramref name="format"/>, a whole number of sample frames.</summary>
    public static long SilenceBytes(int milliseconds, WavFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        return (long)Math.Round((double)format.SampleRate * milliseconds / 1000) * format.BlockAlign;
    }
}
