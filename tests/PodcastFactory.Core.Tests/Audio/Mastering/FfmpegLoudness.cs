using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Audio.Mastering;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

/// <summary>
/// The reference meter: ffmpeg's <c>ebur128</c> filter (integrated loudness, true peak by resampling to 192 kHz with a
/// long filter). The publish stage used to run it on every MP3 as a second opinion; the managed meter now agrees with
/// it (TruePeakAccuracyTests), so it only serves as the reference here.
/// </summary>
static partial class FfmpegLoudness
{
    /// <summary>Measures <paramref name="path"/>; null when ffmpeg fails or prints no summary.</summary>
    public static async Task<LoudnessReport?> MeasureAsync(string ffmpegPath, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ffmpegPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in (string[])["-hide_banner", "-nostdin", "-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-"])
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"'{ffmpegPath}' did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        string stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await process.WaitForExitAsync(deadline.Token);
        await stdout;
        Match integrated = Integrated().Matches(stderr).LastOrDefault() ?? Match.Empty;
        Match peak = Peak().Matches(stderr).LastOrDefault() ?? Match.Empty;
        return process.ExitCode != 0 || !integrated.Success || !peak.Success
            ? null
            : new LoudnessReport(Parse(integrated.Groups[1].Value), Parse(peak.Groups[1].Value), double.NaN, 0);
    }

    static double Parse(string value) =>
        value.Trim() is "-inf" ? double.NegativeInfinity : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s+I:\s+(-?[\d.]+|-inf) LUFS", RegexOptions.Multiline)]
    private static partial Regex Integrated();

    [GeneratedRegex(@"^\s+Peak:\s+(-?[\d.]+|-inf) dBFS", RegexOptions.Multiline)]
    private static partial Regex Peak();
}
