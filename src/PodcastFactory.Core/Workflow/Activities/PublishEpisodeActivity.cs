using Microsoft.DurableTask;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// The publish stage: <c>episode.mp3</c> mastered to the loudness target with ID3 chapters, transcript, chapters,
/// show notes, and the episode's item in <c>feed.xml</c>. Every name is deterministic and the feed item is keyed by
/// the episode's guid, so a retried or replayed activity overwrites instead of duplicating.
/// </summary>
public sealed class PublishEpisodeActivity(EpisodePublisher publisher) : TaskActivity<PublishRequest, PublishEpisodeOutput>
{
    /// <inheritdoc />
    public override async Task<PublishEpisodeOutput> RunAsync(TaskActivityContext context, PublishRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Publication? published = await publisher.PublishAsync(input, CancellationToken.None);
        return published is null
            ? new PublishEpisodeOutput(true, [], 0, 0, 0, 0, 0, 0, null)
            : new PublishEpisodeOutput(false, published.Artifacts, published.IntegratedLufs, published.TruePeakDbtp,
                published.DurationSeconds, published.Mp3Bytes, published.Chapters, published.EpisodeNumber, published.Feed);
    }
}
