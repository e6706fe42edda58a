namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>A second-order IIR section (direct form II transposed) with normalised coefficients (a0 = 1).</summary>
public sealed class Biquad(double b0, double b1, double b2, double a1, double a2)
{
    double _z1;
    double _z2;

    /// <summary>Filters one sample.</summary>
    public double Process(double x)
    {
        double y = (b0 * x) + _z1;
        _z1 = (b1 * x) - (a1 * y) + _z2;
        _z2 = (b2 * x) - (a2 * y);
        return y;
    }

    /// <summary>Magnitude response in dB at <paramref name="frequency"/> for <paramref name="sampleRate"/> (used by tests and docs).</summary>
    public double GainDb(double frequency, int sampleRate)
    {
        double w = 2 * Math.PI * frequency / sampleRate;
        System.Numerics.Complex z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        System.Numerics.Complex z2 = z1 * z1;
        System.Numerics.Complex h = (b0 + (b1 * z1) + (b2 * z2)) / (1 + (a1 * z1) + (a2 * z2));
        return 20 * Math.Log10(h.Magnitude);
    }
}
