using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// Series memory in the pipeline (issue 24 item 4), for an episode of a show (<c>EpisodeRequest.Show</c>; the default
/// show keeps no bible, so its episodes run as before): the show's bible is copied into the episode as research begins
/// (<see cref="ReadShowBibleActivity"/>), and the finished episode is appended to it after publishing
/// (<see cref="RecordInBibleActivity"/>). Memory improves an episode but is not what it is for, so both steps fail soft:
/// a warning, and the episode goes on without it.
/// </summary>
internal static class SeriesMemory
{
    /// <summary>Takes the episode's copy of its show's bible, before the research fans out.</summary>
    public static async Task ReadAsync(EpisodeRun run)
    {
        if (run.Input.Request.Show is not string show)
        {
            return;
        }

        try
        {
            ReadShowBibleOutput read = await run.Context.CallActivityAsync<ReadShowBibleOutput>(
                nameof(ReadShowBibleActivity), new ReadShowBibleInput(run.Id, show), StorageOptions);
            run.Produced(read.Artifact);
        }
        catch (TaskFailedException ex)
        {
            run.Warn($"series memory: the bible of show '{show}' could not be read ({FailureReasons.Of(ex.FailureDetails)}); the episode is made without it");
        }
    }

    /// <summary>Appends the episode to its show's bible, once (a re-voice finds it there and adds nothing).</summary>
    public static async Task RecordAsync(EpisodeRun run, Voicing voicing, PublishOutcome published)
    {
        if (run.Input.Request.Show is not string show)
        {
            return;
        }

        try
        {
            RecordInBibleOutput recorded = await run.Context.CallActivityAsync<RecordInBibleOutput>(
                nameof(RecordInBibleActivity),
                new RecordInBibleInput(run.Id, show, voicing.ScriptArtifact, voicing.ResearchArtifact, published == PublishOutcome.Published, run.Context.CurrentUtcDateTime),
                StorageOptions);
            run.Produced(recorded.Artifact);
        }
        catch (TaskFailedException ex)
        {
            run.Warn($"series memory: the episode was not recorded in the bible of show '{show}' ({FailureReasons.Of(ex.FailureDetails)})");
        }
    }
}
