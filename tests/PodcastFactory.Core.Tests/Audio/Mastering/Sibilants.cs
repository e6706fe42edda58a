using System.Buffers.Binary;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

/// <summary>
/// Speech with sibilants, as 16-bit mono WAV: voiced syllables (harmonics of a 130 Hz voice up to a third of the rate)
/// and, twice a second, a 120 ms hiss band-passed at a fraction of the Nyquist frequency, loud enough
/// to carry the peaks, as flite's and espeak-ng's "s" and "sh" do.
/// </summary>
static class Sibilants
{
    public static byte[] Wav(int rate, double seconds, int seed, double hissAt = 0.8, double peakDbfs = -3)
    {
        float[] samples = Samples(rate, seconds, seed, hissAt);
        float max = samples.Max(Math.Abs);
        float scale = (float)(Math.Pow(10, peakDbfs / 20) / max);
        byte[] data = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), (short)Math.Round(samples[i] * scale * 32767));
        }

        return [.. WavHeader.CreateCanonical(new WavFormat(rate, 1, 16), data.Length), .. data];
    }

    static float[] Samples(int rate, double seconds, int seed, double hissAt)
    {
        var random = new Random(seed);
        var samples = new float[(int)(rate * seconds)];
        // A two-pole resonator at the hiss frequency (bandwidth about 10% of Nyquist).
        double w = Math.PI * hissAt;
        double r = 0.95;
        double a1 = -2 * r * Math.Cos(w), a2 = r * r;
        double y1 = 0, y2 = 0;
        for (int n = 0; n < samples.Length; n++)
        {
            double t = (double)n / rate;
            double voiced = 0;
            for (int h = 1; h * 130 < rate / 3; h++)
            {
                voiced += Math.Sin((2 * Math.PI * 130 * h * t) + h) / h;
            }

            double syllable = Math.Max(0, Math.Sin(2 * Math.PI * 4 * t));
            bool hissing = t % 0.5 < 0.12;
            double y = (hissing ? (random.NextDouble() * 2) - 1 : 0) - (a1 * y1) - (a2 * y2);
            y2 = y1;
            y1 = y;
            samples[n] = (float)((0.3 * syllable * voiced) + (0.12 * y));
        }

        return samples;
    }
}
