namespace PodcastFactory.Core.Tests.Audio.Mastering;

/// <summary>Reference signals for the loudness tests, generated (no fixtures).</summary>
static class Signals
{
    /// <summary>A sine of <paramref name="dbfs"/> peak amplitude, interleaved into every one of <paramref name="channels"/>.</summary>
    public static float[] Sine(int rate, double seconds, double frequency, double dbfs, int channels = 1, double phase = 0)
    {
        int frames = (int)(rate * seconds);
        double amplitude = Math.Pow(10, dbfs / 20);
        var samples = new float[frames * channels];
        for (int i = 0; i < frames; i++)
        {
            float value = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * i / rate) + phase));
            for (int c = 0; c < channels; c++)
            {
                samples[(i * channels) + c] = value;
            }
        }

        return samples;
    }

    /// <summary>Silence of <paramref name="seconds"/>.</summary>
    public static float[] Silence(int rate, double seconds, int channels = 1) => new float[(int)(rate * seconds) * channels];

    /// <summary>Concatenates signals.</summary>
    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();
}
