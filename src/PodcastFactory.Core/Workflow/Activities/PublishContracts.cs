using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="PublishEpisodeActivity"/>: artifact names and small facts only.</summary>
/// <param name="EpisodeId">Episode id.</param>
/// <param name="ScriptArtifact">The final script.</param>
/// <param name="PlanArtifact">The audio segment plan.</param>
/// <param name="SegmentArtifacts">The synthesized segments, in order.</param>
/// <param name="ResearchArtifact">Merged research notes (structured), for the summary.</param>
/// <param name="Hosts">Hosts and voices, for the credits.</param>
/// <param name="SourceNames">Source display names (URLs for web sources), for the show notes.</param>
/// <param name="Models">"agent: provider model" lines from the ledger, for the credits.</param>
/// <param name="Language">Episode language.</param>
/// <param name="PublishedAt">Publication time (orchestration clock).</param>
public sealed record PublishEpisodeInput(
    string EpisodeId,
    string ScriptArtifact,
    string PlanArtifact,
    IReadOnlyList<string> SegmentArtifacts,
    string ResearchArtifact,
    IReadOnlyList<HostVoice> Hosts,
    IReadOnlyList<string> SourceNames,
    IReadOnlyList<string> Models,
    string Language,
    DateTime PublishedAt);

/// <summary>Output of <see cref="PublishEpisodeActivity"/>.</summary>
/// <param name="Skipped">True when publishing is turned off (<c>Publishing:Enabled=false</c>).</param>
/// <param name="Artifacts">What was written (episode artifacts; the feed is named by <paramref name="FeedLocation"/>).</param>
/// <param name="IntegratedLufs">Loudness of the master.</param>
/// <param name="TruePeakDbtp">True peak of the master.</param>
/// <param name="DurationSeconds">Playing time.</param>
/// <param name="Mp3Bytes">Size of <c>episode.mp3</c>.</param>
/// <param name="ChapterCount">Chapters written.</param>
/// <param name="EpisodeNumber">The episode's number in the feed.</param>
/// <param name="FeedLocation">Where the feed is.</param>
public sealed record PublishEpisodeOutput(
    bool Skipped,
    IReadOnlyList<string> Artifacts,
    double IntegratedLufs,
    double TruePeakDbtp,
    double DurationSeconds,
    long Mp3Bytes,
    int ChapterCount,
    int EpisodeNumber,
    string? FeedLocation);
