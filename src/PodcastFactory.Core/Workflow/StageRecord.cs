namespace PodcastFactory.Core.Workflow;

/// <summary>How a stage ended.</summary>
public enum StageStatus
{
    /// <summary>Ran and succeeded.</summary>
    Completed,
    /// <summary>Not run (not planned, over budget, or the gate failed).</summary>
    Skipped,
    /// <summary>Ran and failed (recorded for optional stages).</summary>
    Failed,
}

/// <summary>One stage of the episode as recorded in the manifest; times come from the orchestration clock.</summary>
/// <param name="Name">Stage name, one of <see cref="Stages"/>.</param>
/// <param name="Status">Outcome.</param>
/// <param name="StartedAt">Start (orchestration time).</param>
/// <param name="DurationMs">Duration in milliseconds, without the time the work was interrupted (see <see cref="DowntimeMs"/>).</param>
/// <param name="Detail">What happened, e.g. "3 angles, 24 notes" or the failure reason.</param>
/// <param name="DowntimeMs">Time within the stage when no work ran (a crash until the restart), as the manifest measured it from the cost journal.</param>
public sealed record StageRecord(string Name, StageStatus Status, DateTime StartedAt, double DurationMs, string Detail, double DowntimeMs = 0);
