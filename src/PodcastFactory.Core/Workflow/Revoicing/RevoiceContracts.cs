using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Revoicing;

/// <summary>
/// One edit revision of an episode's script, stored as <c>{id}/edits/script-r{n}.json</c> and never changed. Its
/// <c>title</c>, <c>turns</c> and <c>revision</c> read as a <see cref="Script"/> too, so the segment planner and the
/// publisher take the edit file as their script.
/// </summary>
/// <param name="Title">Episode title.</param>
/// <param name="Turns">The dialogue.</param>
/// <param name="Revision">Edit revision: 0 as produced by the pipeline, 1.. after each edit.</param>
/// <param name="Hosts">The cast (1-4 hosts) with the voices of this revision.</param>
/// <param name="SavedAt">When the revision was saved.</param>
/// <param name="Lexicon">The pronunciations this revision is voiced with (the episode's at revision 0); null in revisions from before it existed.</param>
public sealed record ScriptEdit(string Title, IReadOnlyList<ScriptTurn> Turns, int Revision, IReadOnlyList<HostVoice> Hosts, DateTimeOffset SavedAt,
    IReadOnlyList<LexiconEntry>? Lexicon = null);

/// <summary>Input of <see cref="RevoiceOrchestrator"/>: everything frozen when the re-voice was started.</summary>
/// <param name="EpisodeId">The episode.</param>
/// <param name="Revision">The edit revision to voice.</param>
/// <param name="Language">The episode's language.</param>
/// <param name="Hosts">Hosts and voices of that revision.</param>
/// <param name="Settings">The episode's frozen settings (segment size, parallelism).</param>
/// <param name="SourceNames">Source names for the show notes.</param>
/// <param name="Models">The models credited by the episode's earlier runs (<see cref="Publishing.ModelCredits"/>); the show notes add this run's.</param>
/// <param name="SocialArtifact">The episode's social post, when it has one (the final evaluation checks it again).</param>
/// <param name="BudgetUsd">The episode's budget, for the first production and every re-voice together.</param>
/// <param name="PublishHeld">Why the re-voiced audio must not be published (see <see cref="Review.PublishApproval"/>); null when it may be.</param>
/// <param name="Lexicon">The pronunciations of that revision: only segments whose entries changed are voiced again.</param>
public sealed record RevoiceInput(
    string EpisodeId,
    int Revision,
    string Language,
    IReadOnlyList<HostVoice> Hosts,
    EpisodeSettings Settings,
    IReadOnlyList<string> SourceNames,
    IReadOnlyList<string> Models,
    string? SocialArtifact = null,
    decimal? BudgetUsd = null,
    string? PublishHeld = "the re-voice was started without a review state",
    IReadOnlyList<LexiconEntry>? Lexicon = null)
{
    /// <summary>
    /// The episode as the pipeline's tail sees it in a re-voice: the hosts of this revision, the language, the budget (one
    /// for every run of the episode) and the frozen settings. The research and script fields keep their defaults and the
    /// sources are empty, because the tail never reads them (the show notes' source names travel in <see cref="SourceNames"/>).
    /// </summary>
    public EpisodeInput AsEpisodeInput() => new(
        EpisodeId,
        new EpisodeRequest { Priority = OutputPriority.Audio, Hosts = Hosts, Language = Language, BudgetUsd = BudgetUsd, Lexicon = Lexicon ?? [] },
        [],
        Settings);
}

/// <summary>What one re-voice did and cost (the orchestration's output; the manifest's <c>revisions</c> hold the same).</summary>
/// <param name="EpisodeId">The episode.</param>
/// <param name="Revision">The edit revision voiced.</param>
/// <param name="Segments">Segments in the new plan.</param>
/// <param name="SegmentsSynthesized">Segments whose speech was not stored yet and was paid for.</param>
/// <param name="SegmentsReused">Segments whose speech was reused (same text, voice, provider and settings).</param>
/// <param name="CharactersSynthesized">Characters sent to the speech provider.</param>
/// <param name="CostUsd">What this re-voice cost.</param>
/// <param name="AudioSeconds">The new episode's duration.</param>
/// <param name="Published">True when the publish stage rebuilt the master, transcript, chapters, show notes and feed item.</param>
/// <param name="Warnings">What failed softly (publishing).</param>
public sealed record RevoiceResult(
    string EpisodeId,
    int Revision,
    int Segments,
    int SegmentsSynthesized,
    int SegmentsReused,
    long CharactersSynthesized,
    decimal CostUsd,
    double AudioSeconds,
    bool Published,
    IReadOnlyList<string> Warnings);

/// <summary>A finished or running episode as the editor sees it.</summary>
/// <param name="Metadata">The episode orchestration.</param>
/// <param name="Input">Its input (hosts, language, frozen settings, sources).</param>
public sealed record EditableEpisode(OrchestrationMetadata Metadata, EpisodeInput Input)
{
    /// <summary>True when the episode finished (completed, partial or needs-review): only then may its script be edited and re-voiced.</summary>
    public bool Finished => Metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed;
}

/// <summary>What a re-voice start decided.</summary>
/// <param name="Revision">The edit revision being voiced.</param>
/// <param name="Created">True when this call started it; false when it had already been started.</param>
/// <param name="Conflict">Why nothing could start (no edit yet, an older re-voice still running); null otherwise.</param>
public sealed record RevoiceStart(int Revision, bool Created, string? Conflict);

/// <summary>The latest re-voice of an episode, for its status.</summary>
/// <param name="Revision">The edit revision it voices.</param>
/// <param name="LatestEditRevision">The newest edit revision (higher than <paramref name="Revision"/> when edits are not voiced yet).</param>
/// <param name="InstanceId">Its orchestration.</param>
/// <param name="RuntimeStatus">pending, running, completed, failed, terminated.</param>
/// <param name="Segments">Segments in its plan, once completed.</param>
/// <param name="SegmentsSynthesized">Segments paid for, once completed.</param>
/// <param name="SegmentsReused">Segments reused, once completed.</param>
/// <param name="CharactersSynthesized">Characters paid for, once completed.</param>
/// <param name="CostUsd">What it cost, once completed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Stage">The stage it last published (its progress, the shape of an episode's: audio, quality, publish, manifest, done); null before the first.</param>
/// <param name="Percent">Its rough completion on the episode's scale (the audio stage starts at 66), with <paramref name="Stage"/>.</param>
public sealed record RevoiceStatus(
    int Revision,
    int LatestEditRevision,
    string InstanceId,
    OrchestrationRuntimeStatus RuntimeStatus,
    int? Segments,
    int? SegmentsSynthesized,
    int? SegmentsReused,
    long? CharactersSynthesized,
    decimal? CostUsd,
    string? Error,
    string? Stage = null,
    int? Percent = null);
