using System.Globalization;

namespace PodcastFactory.Core.Audio;

/// <summary>The PCM format of a WAV stream; two streams can be concatenated only when their formats are equal.</summary>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="Channels">Number of interleaved channels.</param>
/// <param name="BitsPerSample">Bits of one sample of one channel (8, 16, 24 or 32).</param>
public sealed record WavFormat(int SampleRate, int Channels, int BitsPerSample)
{
    /// <summary>Bytes of one sample frame (one sample for every channel).</summary>
    public int BlockAlign => Channels * ((BitsPerSample + 7) / 8);

    /// <summary>Bytes per second of audio.</summary>
    public int ByteRate => SampleRate * BlockAlign;

    /// <summary>The byte value of silence: 8-bit PCM is unsigned (silence 0x80), wider PCM is signed (silence 0).</summary>
    public byte SilenceByte => BitsPerSample == 8 ? (byte)0x80 : (byte)0;

    /// <summary>Readable form used in error messages, e.g. "24000 Hz, 1 ch, 16-bit".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SampleRate} Hz, {Channels} ch, {BitsPerSample}-bit");
}
