using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.EpisodeRun;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>What the publish stage did.</summary>
internal enum PublishOutcome
{
    /// <summary>Master, transcript, chapters, show notes and the feed item were written (or reused for the same input).</summary>
    Published,

    /// <summary>Nothing to publish (no audio), publishing turned off, or held until the script is approved.</summary>
    NotPublished,

    /// <summary>The stage failed: a warning, and a first production ends <c>partial</c>.</summary>
    Failed,
}

/// <summary>
/// The publish stage (optional): master <c>episode.mp3</c>, transcript, chapters, show notes and the feed item, in
/// one activity. It runs only when there is audio and the work may enter the feed; its failure is a warning.
/// </summary>
internal static class PublishStage
{
    /// <summary>Publishes what the tail voiced.</summary>
    public static async Task<PublishOutcome> RunAsync(EpisodeRun run, Voicing voicing, AudioOutput? audio)
    {
        if (audio is null)
        {
            run.Skip(Stages.Publish, "no audio to publish", warn: false);
            return PublishOutcome.NotPublished;
        }

        // Only approved work enters the feed: held, the audio is kept for listening and the feed item is not touched.
        if (voicing.PublishHeld is { } held)
        {
            run.Skip(Stages.Publish, "held: " + held, warn: true);
            return PublishOutcome.NotPublished;
        }

        StageClock stage = run.Begin(Stages.Publish);
        var input = new PublishRequest(
            run.Id, voicing.ScriptArtifact, ArtifactNames.SegmentPlan(run.Id), audio.SegmentArtifacts, voicing.ResearchArtifact, run.Input.Request.Hosts,
            voicing.SourceNames, ModelCredits.Of(run.Ledger.Entries, voicing.EarlierCredits), run.Input.Request.Language, run.Context.CurrentUtcDateTime,
            run.Input.Request.Show);
        PublishEpisodeOutput? output = await StageGuards.Optional(run, stage, () =>
            run.Context.CallActivityAsync<PublishEpisodeOutput>(nameof(PublishEpisodeActivity), input, StorageOptions));
        if (output is null)
        {
            return PublishOutcome.Failed;
        }

        run.Produced([.. output.Artifacts]);
        if (output.Warning is not null)
        {
            run.Warn($"{Stages.Publish}: {output.Warning}");
        }

        string reused = output.Reused ? " (already published with the same input: reused)" : "";
        run.Complete(stage, output.Skipped ? "turned off (Publishing:Enabled=false)" : Invariant(
            $"episode.mp3 {output.IntegratedLufs:0.0} LUFS, {output.TruePeakDbtp:0.0} dBTP, {output.DurationSeconds:0.0} s, {output.ChapterCount} chapters; feed item #{output.EpisodeNumber}{reused}"));
        return output.Skipped ? PublishOutcome.NotPublished : PublishOutcome.Published;
    }
}
