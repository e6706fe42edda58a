using System.Globalization;

namespace PodcastFactory.Local.Cli.Progress;

/// <summary>The two ways progress is written: one line per change (redirected output, <c>--json</c>) and the live bar (a terminal).</summary>
public static class ProgressText
{
    /// <summary>Cells of the bar.</summary>
    public const int BarWidth = 24;

    /// <summary>
    /// The stage line scripts and tests read (<c>[ 35%] script    cost $0.0000  warnings: 1</c>): unchanged since the first
    /// release, without elapsed time or estimate, so a line is written only when the stage, percent, cost or warnings change.
    /// </summary>
    public static string Line(ProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.HasProgress
            ? string.Create(CultureInfo.InvariantCulture, $"[{snapshot.Percent,3}%] {snapshot.Stage,-9} cost ${snapshot.CostUsd:0.0000}{(snapshot.Warnings > 0 ? $"  warnings: {snapshot.Warnings}" : "")}")
            : $"[  0%] {snapshot.Stage}";
    }

    /// <summary>The live bar: <c>script     ██████████░░░░░░░░░░░░░░  35%  0:12 elapsed  ~0:22 left  $0.0123  1 warning</c>.</summary>
    public static string Bar(ProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int filled = (int)Math.Round(snapshot.Percent * BarWidth / 100.0, MidpointRounding.AwayFromZero);
        string left = snapshot.Remaining is { } remaining ? "~" + Duration(remaining) + " left" : "estimating";
        string warnings = snapshot.Warnings switch { 0 => "", 1 => "  1 warning", var n => string.Create(CultureInfo.InvariantCulture, $"  {n} warnings") };
        return string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Stage,-9}  {new string('█', filled)}{new string('░', BarWidth - filled)} {snapshot.Percent,3}%  {Duration(snapshot.Elapsed)} elapsed  {left}  ${snapshot.CostUsd:0.0000}{warnings}");
    }

    /// <summary><c>m:ss</c>, or <c>h:mm:ss</c> from an hour on.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}:{span.Seconds:00}");
}
