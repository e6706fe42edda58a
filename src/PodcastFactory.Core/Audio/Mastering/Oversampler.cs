using System.Numerics;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// Polyphase interpolation of one channel for true-peak measurement (BS.1770-4 Annex 2): every input sample yields
/// <c>factor</c> values at 0, 1/factor, 2/factor ... of a sample between two inputs, from a windowed-sinc low-pass
/// (12 taps per phase, Blackman window). The standard's 4x is meant for 48 kHz; <see cref="FactorFor"/> raises the
/// factor so every rate is interpolated to at least 192 kHz (16 kHz speech: 12x), or peaks between samples are
/// missed. Output lags input by <see cref="Delay"/> samples.
/// </summary>
public sealed class Oversampler
{
    /// <summary>The interpolated rate every signal reaches at least (4x of 48 kHz).</summary>
    public const int TargetRate = 192_000;

    /// <summary>Taps per phase.</summary>
    public const int TapsPerPhase = 12;

    /// <summary>Input samples between a sample entering and its interpolated values leaving.</summary>
    public const int Delay = TapsPerPhase / 2;

    readonly double[][] _phases;
    readonly double[] _history = new double[TapsPerPhase * 2];
    int _position;

    /// <summary>Creates an oversampler for a signal at <paramref name="sampleRate"/>.</summary>
    public Oversampler(int sampleRate)
    {
        _phases = CreatePhases(FactorFor(sampleRate));
    }

    /// <summary>The factor for <paramref name="sampleRate"/>: at least 4, and enough to reach <see cref="TargetRate"/>.</summary>
    public static int FactorFor(int sampleRate) => Math.Max(4, (TargetRate + sampleRate - 1) / sampleRate);

    /// <summary>Pushes one sample and returns the largest absolute value among its four interpolated values.</summary>
    public double PushPeak(double sample)
    {
        // A doubled ring buffer keeps the newest TapsPerPhase samples contiguous without modulo in the inner loop.
        _history[_position] = sample;
        _history[_position + TapsPerPhase] = sample;
        if (++_position == TapsPerPhase)
        {
            _position = 0;
        }

        // Phase 0 sits on an input sample, where the windowed sinc is 1 at its centre and 0 elsewhere.
        ReadOnlySpan<double> window = _history.AsSpan(_position, TapsPerPhase);
        double peak = Math.Abs(window[TapsPerPhase - 1 - Delay]);
        for (int p = 1; p < _phases.Length; p++)
        {
            peak = Math.Max(peak, Math.Abs(Dot(window, _phases[p])));
        }

        return peak;
    }

    static double Dot(ReadOnlySpan<double> x, double[] taps)
    {
        if (Vector.IsHardwareAccelerated && TapsPerPhase % Vector<double>.Count == 0)
        {
            var sum = Vector<double>.Zero;
            for (int j = 0; j < TapsPerPhase; j += Vector<double>.Count)
            {
                sum += new Vector<double>(x[j..]) * new Vector<double>(taps, j);
            }

            return Vector.Sum(sum);
        }

        double total = 0;
        for (int j = 0; j < TapsPerPhase; j++)
        {
            total += x[j] * taps[j];
        }

        return total;
    }

    // Phase p interpolates at time (newest - Delay + p/4); tap j weighs the sample j places after the oldest kept.
    static double[][] CreatePhases(int factor)
    {
        var phases = new double[factor][];
        for (int p = 0; p < factor; p++)
        {
            phases[p] = new double[TapsPerPhase];
            double target = TapsPerPhase - 1 - Delay + ((double)p / factor);
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
