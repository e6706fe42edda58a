using System.Buffers.Binary;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Scales the 16-bit PCM samples of a WAV file in place (clipping at full scale), so that voices whose engines speak at
/// different levels reach the episode at one level. Deterministic: the same input and gain give the same bytes.
/// </summary>
internal static class PcmGain
{
    /// <summary>Multiplies the samples after <paramref name="dataOffset"/> of a 16-bit WAV by 10^(<paramref name="decibels"/>/20).</summary>
    public static void Apply(byte[] wav, long dataOffset, double decibels)
    {
        if (decibels == 0)
        {
            return;
        }

        double factor = Math.Pow(10, decibels / 20);
        for (long i = dataOffset; i + 1 < wav.LongLength; i += 2)
        {
            Span<byte> sample = wav.AsSpan((int)i, 2);
            double scaled = Math.Round(BinaryPrimitives.ReadInt16LittleEndian(sample) * factor);
            BinaryPrimitives.WriteInt16LittleEndian(sample, (short)Math.Clamp(scaled, short.MinValue, short.MaxValue));
        }
    }
}
