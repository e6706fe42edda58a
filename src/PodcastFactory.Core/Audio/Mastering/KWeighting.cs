namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 at any sample rate: a high-shelf "pre-filter" (about +4 dB above 2 kHz,
/// modelling the head) followed by the "RLB" high-pass (about 38 Hz). The standard tabulates coefficients for
/// 48 kHz only; these are derived from the analogue prototypes (shelf 1681.97 Hz, gain 4.0 dB, Q 0.7072; high-pass
/// 38.135 Hz, Q 0.5003) with the bilinear transform, which reproduces the 48 kHz table to six decimals.
/// </summary>
public static class KWeighting
{
    /// <summary>Creates the two filter stages for <paramref name="sampleRate"/>, in processing order.</summary>
    public static (Biquad Shelf, Biquad HighPass) Create(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        double k = Math.Tan(Math.PI * 1681.974450955533 / sampleRate);
        const double q = 0.7071752369554196;
        double vh = Math.Pow(10, 3.999843853973347 / 20);
        double vb = Math.Pow(vh, 0.4996667741545416);
        double a0 = 1 + (k / q) + (k * k);
        var shelf = new Biquad(
            (vh + (vb * k / q) + (k * k)) / a0,
            2 * ((k * k) - vh) / a0,
            (vh - (vb * k / q) + (k * k)) / a0,
            2 * ((k * k) - 1) / a0,
            (1 - (k / q) + (k * k)) / a0);

        k = Math.Tan(Math.PI * 38.13547087602444 / sampleRate);
        const double qh = 0.5003270373238773;
        double d = 1 + (k / qh) + (k * k);
        var highPass = new Biquad(1, -2, 1, 2 * ((k * k) - 1) / d, (1 - (k / qh) + (k * k)) / d);
        return (shelf, highPass);
    }
}
