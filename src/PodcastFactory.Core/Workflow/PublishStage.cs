using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.EpisodeRun;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The publish stage (optional): master <c>episode.mp3</c>, transcript, chapters, show notes and the feed item, in
/// one activity. It runs only when there is audio; its failure is a warning and the episode ends <c>partial</c>.
/// </summary>
internal static class PublishStage
{
    /// <summary>Publishes; false when the stage failed (the episode is then partial).</summary>
    public static async Task<bool> RunAsync(EpisodeRun run, WriteScriptOutput script, MergeResearchOutput research, AudioOutput? audio)
    {
        if (audio is null)
        {
            run.Skip(Stages.Publish, "no audio to publish", warn: false);
            return true;
        }

        StageClock stage = run.Begin(Stages.Publish);
        List<string> models = run.Ledger.Entries.Select(e => $"{e.Usage.Agent}: {e.Usage.Provider} {e.Usage.Model}".TrimEnd()).Distinct().ToList();
        var input = new PublishRequest(
            run.Id, script.Artifact, ArtifactNames.SegmentPlan(run.Id), audio.SegmentArtifacts, research.JsonArtifact, run.Input.Request.Hosts,
            run.Input.Sources.Select(s => s.Name).ToList(), models, run.Input.Request.Language, run.Context.CurrentUtcDateTime);
        PublishEpisodeOutput? output = await StageGuards.Optional(run, stage, () =>
            run.Context.CallActivityAsync<PublishEpisodeOutput>(nameof(PublishEpisodeActivity), input, StorageOptions));
        if (output is null)
        {
            return false;
        }

        run.Produced([.. output.Artifacts]);
        if (output.Warning is not null)
        {
            run.Warn($"{Stages.Publish}: {output.Warning}");
        }

        string reused = output.Reused ? " (already published with the same input: reused)" : "";
        run.Complete(stage, output.Skipped ? "turned off (Publishing:Enabled=false)" : Invariant(
            $"episode.mp3 {output.IntegratedLufs:0.0} LUFS, {output.TruePeakDbtp:0.0} dBTP, {output.DurationSeconds:0.0} s, {output.ChapterCount} chapters; feed item #{output.EpisodeNumber}{reused}"));
        return true;
    }
}
