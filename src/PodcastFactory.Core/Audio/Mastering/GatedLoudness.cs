namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// Integrated loudness gating (BS.1770-4 section 5.1) over 400 ms block loudnesses, in constant memory: blocks
/// are kept in a histogram of 0.01 LU bins from -70 to +5 LUFS (count and summed energy per bin), so an hour of
/// audio costs the same memory as a second. The absolute gate drops blocks below -70 LUFS; the relative gate then
/// drops blocks more than 10 LU below the loudness of the remaining blocks.
/// </summary>
public sealed class GatedLoudness
{
    /// <summary>The absolute gate, LUFS.</summary>
    public const double AbsoluteGateLufs = -70;

    /// <summary>The relative gate, LU below the absolutely gated loudness.</summary>
    public const double RelativeGateLu = -10;

    const double BinWidth = 0.01;
    const double TopLufs = 5;
    readonly long[] _counts = new long[(int)((TopLufs - AbsoluteGateLufs) / BinWidth) + 1];
    readonly double[] _energies = new double[(int)((TopLufs - AbsoluteGateLufs) / BinWidth) + 1];

    /// <summary>Blocks seen above the absolute gate.</summary>
    public long GatedBlocks { get; private set; }

    /// <summary>Adds one block's mean-square energy (channel-weighted sum).</summary>
    public void AddBlock(double energy)
    {
        double lufs = LoudnessOf(energy);
        if (lufs < AbsoluteGateLufs)
        {
            return;
        }

        int bin = Math.Min(_counts.Length - 1, (int)((lufs - AbsoluteGateLufs) / BinWidth));
        _counts[bin]++;
        _energies[bin] += energy;
        GatedBlocks++;
    }

    /// <summary>The integrated loudness in LUFS, or negative infinity when every block was below the absolute gate.</summary>
    public double Integrated()
    {
        if (GatedBlocks == 0)
        {
            return double.NegativeInfinity;
        }

        double relativeGate = LoudnessOf(MeanEnergy(0)) + RelativeGateLu;
        int firstBin = Math.Max(0, (int)Math.Ceiling((relativeGate - AbsoluteGateLufs) / BinWidth));
        double mean = MeanEnergy(firstBin);
        return mean > 0 ? LoudnessOf(mean) : double.NegativeInfinity;
    }

    /// <summary>Loudness (LUFS) of a channel-weighted mean-square energy: -0.691 + 10 log10(energy).</summary>
    public static double LoudnessOf(double energy) => energy <= 0 ? double.NegativeInfinity : -0.691 + (10 * Math.Log10(energy));

    double MeanEnergy(int firstBin)
    {
        long count = 0;
        double sum = 0;
        for (int i = firstBin; i < _counts.Length; i++)
        {
            count += _counts[i];
            sum += _energies[i];
        }

        return count == 0 ? 0 : sum / count;
    }
}
