using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.EpisodeRun;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The pipeline's tail, one piece for a first production and a re-voice: voice the script (the speech sub-orchestration
/// after the budget check), evaluate what was promised again (<c>quality.json</c>), publish (master, transcript, chapters,
/// show notes, feed item), record the episode in its show's bible (<see cref="SeriesMemory"/>), then the caller's record of
/// the run in the manifest. Both callers get the same stage records,
/// progress, logs, budget stops and soft failures, because both run it on an <see cref="EpisodeRun"/> through
/// <see cref="StageGuards"/>; they differ only in the <see cref="Voicing"/> they hand it and in how the manifest records them.
/// </summary>
internal static class EpisodeTail
{
    /// <summary>
    /// Voices, evaluates, publishes and records. The segment plan (<paramref name="speech"/>) and the social post
    /// (<paramref name="social"/>, its artifact) are started by the caller, so the post can run beside the speech.
    /// </summary>
    public static async Task<T> VoiceAndPublishAsync<T>(EpisodeRun run, Voicing voicing, Task<SpeechPlan> speech, Task<string?> social, Func<Voiced, Task<T>> record)
    {
        AudioOutput? audio = await VoiceAsync(run, voicing, speech);
        string? socialArtifact = await social;
        await EvaluateAsync(run, voicing, audio, socialArtifact, voicing.WordCount ?? (await speech).Segments?.WordCount ?? 0);
        PublishOutcome published = await PublishStage.RunAsync(run, voicing, audio);
        await SeriesMemory.RecordAsync(run, voicing, published);
        return await record(new Voiced(audio, socialArtifact, published));
    }

    static async Task<AudioOutput?> VoiceAsync(EpisodeRun run, Voicing voicing, Task<SpeechPlan> speech)
    {
        if (voicing.Audio == AudioNeed.NotRequested)
        {
            run.Skip(Stages.Audio, "not requested (priority social)", warn: false);
            return null;
        }

        StageClock stage = run.Begin(Stages.Audio);
        SpeechPlan planned = await speech;
        // A re-voice exists to voice: there the audio is critical. In a first production it is optional.
        AudioOutput? audio = voicing.Audio == AudioNeed.Required
            ? await StageGuards.Critical(run, stage, () => AudioStage.VoiceAsync(run, stage, planned, required: true))
            : await StageGuards.Optional(run, stage, () => AudioStage.VoiceAsync(run, stage, planned, required: false));
        if (audio is not null)
        {
            run.Spent(stage.Name, audio.Usages);
            run.Produced([.. audio.SegmentArtifacts, audio.Artifact]);
            run.Complete(stage, Invariant($"{audio.SegmentCount} segments, {audio.DurationSeconds:0.0} s"));
        }

        return audio;
    }

    // quality.json is derived from the audio (its duration against the words): evaluated on every run, findings are warnings.
    static async Task EvaluateAsync(EpisodeRun run, Voicing voicing, AudioOutput? audio, string? social, int words)
    {
        StageClock stage = run.Begin(Stages.Quality);
        FinalEvaluationOutput quality = await run.Context.CallActivityAsync<FinalEvaluationOutput>(
            nameof(FinalEvaluationActivity),
            new FinalEvaluationInput(run.Id, voicing.ScriptArtifact, words, voicing.Audio != AudioNeed.NotRequested, audio?.Artifact, voicing.SocialPromised, social),
            StorageOptions);
        run.Produced(quality.Artifact);
        foreach (string finding in quality.Findings)
        {
            run.Warn("quality: " + finding);
        }

        run.Complete(stage, quality.Passed ? "all promised artifacts present and plausible" : Invariant($"{quality.Findings.Count} finding(s)"));
    }
}

/// <summary>Whether a run voices its script, and what a failure of the audio does to it.</summary>
internal enum AudioNeed
{
    /// <summary>No audio requested (priority social): the audio and publish stages are skipped.</summary>
    NotRequested,

    /// <summary>A first production: the audio fails soft (a warning, the episode ends partial).</summary>
    Optional,

    /// <summary>A re-voice: the audio is the point, so its failure or a budget stop fails the run.</summary>
    Required,
}

/// <summary>What the tail voices and publishes; a first production and a re-voice fill it from different places.</summary>
/// <param name="ScriptArtifact">The script to voice: <c>script.json</c>, or the edit revision's file.</param>
/// <param name="WordCount">Its words; null to take them from the segment plan (an edit's words are only counted there).</param>
/// <param name="ResearchArtifact">The merged research (<c>research.json</c>), for the show notes.</param>
/// <param name="SourceNames">The supplied sources, for the show notes.</param>
/// <param name="Audio">Whether audio was requested, and what its failure does.</param>
/// <param name="SocialPromised">True when the episode promised a social post (the final evaluation checks it).</param>
/// <param name="EarlierCredits">Models credited by the episode's earlier runs (a re-voice's first production and re-voices before it).</param>
/// <param name="PublishHeld">Why the audio must not enter the feed (see <see cref="Review.PublishApproval"/>); null when it may.</param>
internal sealed record Voicing(
    string ScriptArtifact,
    int? WordCount,
    string ResearchArtifact,
    IReadOnlyList<string> SourceNames,
    AudioNeed Audio,
    bool SocialPromised,
    IReadOnlyList<string>? EarlierCredits = null,
    string? PublishHeld = null);

/// <summary>What the tail produced, for the caller's manifest record.</summary>
/// <param name="Audio">The stitched audio; null when not requested or failed softly.</param>
/// <param name="SocialArtifact">The social post, when there is one.</param>
/// <param name="Publish">What the publish stage did.</param>
internal sealed record Voiced(AudioOutput? Audio, string? SocialArtifact, PublishOutcome Publish);
