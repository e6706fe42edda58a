using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Local.Cli.Progress;

/// <summary>
/// Turns the orchestrator's published progress into elapsed time and an estimate of the time left. The estimate is the
/// pace since following began, extended to 100 %: the percent is per stage and coarse, so it is a rough guide, and
/// there is none until the percent has moved (a resumed episode starts part-way, so its pace counts from there).
/// </summary>
public sealed class ProgressClock(TimeProvider time)
{
    readonly DateTimeOffset _started = time.GetUtcNow();
    int? _firstPercent;

    /// <summary>The snapshot for <paramref name="progress"/> now; <paramref name="status"/> names the state before any progress exists.</summary>
    public ProgressSnapshot Read(EpisodeProgress? progress, string status)
    {
        TimeSpan elapsed = time.GetUtcNow() - _started;
        if (progress is null)
        {
            return new ProgressSnapshot(status, 0, 0m, 0, elapsed, null, HasProgress: false);
        }

        int percent = Math.Clamp(progress.Percent, 0, 100);
        _firstPercent ??= percent;
        return new ProgressSnapshot(progress.Stage, percent, progress.CostUsd, progress.Warnings.Count, elapsed, Estimate(percent, elapsed));
    }

    TimeSpan? Estimate(int percent, TimeSpan elapsed)
    {
        if (percent >= 100)
        {
            return TimeSpan.Zero;
        }

        int moved = percent - _firstPercent.GetValueOrDefault();
        return moved <= 0 || elapsed <= TimeSpan.Zero ? null : elapsed * (100 - percent) / moved;
    }
}
