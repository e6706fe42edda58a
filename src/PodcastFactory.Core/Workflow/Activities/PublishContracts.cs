
namespace PodcastFactory.Core.Workflow.Activities;

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
/// <param name="Warning">Set when the master still misses the loudness target or the true-peak limit, with the figures.</param>
/// <param name="Reused">True when the publish had already finished for the same input and was not run again.</param>
public sealed record PublishEpisodeOutput(
    bool Skipped,
    IReadOnlyList<string> Artifacts,
    double IntegratedLufs,
    double TruePeakDbtp,
    double DurationSeconds,
    long Mp3Bytes,
    int ChapterCount,
    int EpisodeNumber,
    string? FeedLocation,
    string? Warning = null,
    bool Reused = false);
