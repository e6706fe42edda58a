namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// 4x polyphase interpolation of one channel for true-peak measurement (BS.1770-4 Annex 2): every input sample
/// yields four values at 0, 1/4, 1/2 and 3/4 of a sample between two inputs, from a 48-tap windowed-sinc
/// low-pass (12 taps per phase, Blackman window). Output lags input by <see cref="Delay"/> samples.
/// </summary>
public sealed class Oversampler
{
    /// <summary>Oversampling factor.</summary>
    public const int Factor = 4;

    /// <summary>Taps per phase.</summary>
    public const int TapsPerPhase = 12;

    /// <summary>Input samples between a sample entering and its interpolated values leaving.</summary>
    public const int Delay = TapsPerPhase / 2;

    static readonly double[][] _phases = CreatePhases();
    readonly double[] _history = new double[TapsPerPhase * 2];
    int _position;

    /// <summary>Pushes one sample and returns the largest absolute value among its four interpolated values.</summary>
    public double PushPeak(double sample)
    {
        // A doubled ring buffer keeps the newest TapsPerPhase samples contiguous without modulo in the inner loop.
        _history[_position] = sample;
        _history[_position + TapsPerPhase] = sample;
        _position = (_position + 1) % TapsPerPhase;
        double peak = 0;
        for (int p = 0; p < Factor; p++)
        {
            double[] taps = _phases[p];
            double sum = 0;
            for (int j = 0; j < TapsPerPhase; j++)
            {
                sum += _history[_position + j] * taps[j];
            }

            peak = Math.Max(peak, Math.Abs(sum));
        }

        return peak;
    }

    // Phase p interpolates at time (newest - Delay + p/4); tap j weighs the sample j places after the oldest kept.
    static double[][] CreatePhases()
    {
        var phases = new double[Factor][];
        for (int p = 0; p < Factor; p++)
        {
            phases[p] = new double[TapsPerPhase];
            double target = TapsPerPhase - 1 - Delay + ((double)p / Factor);
            for (int j = 0; j < TapsPerPhase; j++)
            {
                double x = target - j;
                double half = TapsPerPhase / 2.0;
                double window = Math.Abs(x) >= half ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * x / half)) + (0.08 * Math.Cos(2 * Math.PI * x / half));
                phases[p][j] = Sinc(x) * window;
            }

            double sum = phases[p].Sum();
            for (int j = 0; j < TapsPerPhase; j++)
            {
                phases[p][j] /= sum;
            }
        }

        return phases;
    }

    static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
