using System.Buffers.Binary;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

/// <summary>Speech-like test segments: syllable-rate modulated tones with a few sharp peaks, as 16-bit mono WAV.</summary>
static class SpeechLike
{
    public static byte[] Wav(int rate, double seconds, double levelDbfs, int seed, bool peaks = true, double leadingSilence = 0)
    {
        var random = new Random(seed);
        int lead = (int)(rate * leadingSilence);
        int frames = lead + (int)(rate * seconds);
        double amplitude = Math.Pow(10, levelDbfs / 20);
        byte[] data = new byte[frames * 2];
        double f0 = 110 + (random.NextDouble() * 100);
        for (int i = lead; i < frames; i++)
        {
            double t = (double)(i - lead) / rate;
            double envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 4 * t));
            double v = amplitude * envelope * (Math.Sin(2 * Math.PI * f0 * t) + (0.5 * Math.Sin(2 * Math.PI * 3 * f0 * t)) + (0.2 * Math.Sin(2 * Math.PI * 7 * f0 * t))) / 1.7;
            if (peaks && i % (rate / 3) == 0)
            {
                v = Math.Min(0.99, amplitude * 6);
            }

            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), (short)Math.Clamp(v * 32767, -32768, 32767));
        }

        return [.. WavHeader.CreateCanonical(new WavFormat(rate, 1, 16), data.Length), .. data];
    }
}
