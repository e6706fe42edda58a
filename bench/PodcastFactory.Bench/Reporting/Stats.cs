using System.Globalization;

namespace PodcastFactory.Bench.Reporting;

/// <summary>Small numeric helpers for reporting.</summary>
public static class Stats
{
    /// <summary>The median (mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Invariant formatting with <paramref name="format"/>.</summary>
    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Invariant interpolation.</summary>
    public static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
