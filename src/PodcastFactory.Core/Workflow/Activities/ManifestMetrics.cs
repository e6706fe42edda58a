using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// Episodes by outcome and stage durations, recorded from the manifest once it is written: the manifest's stage records
/// already have the downtime of a crash taken out, and the manifest activity runs once per episode (a retry after a
/// crash between the write and the activity's completion would count it again: at least once, as activities run).
/// </summary>
static class ManifestMetrics
{
    /// <summary>Records the episode's outcome and the duration of every stage that ran (skipped stages took no time).</summary>
    public static void Written(string outcome, IEnumerable<StageRecord> stages)
    {
        PodcastMetrics.EpisodeFinished(outcome);
        foreach (StageRecord stage in stages.Where(s => s.Status != StageStatus.Skipped))
        {
            PodcastMetrics.StageFinished(stage.Name, stage.Status.ToString(), stage.DurationMs);
        }
    }
}
