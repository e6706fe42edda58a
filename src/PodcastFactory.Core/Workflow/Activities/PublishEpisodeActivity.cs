using Microsoft.DurableTask;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// The publish stage: <c>episode.mp3</c> mastered to the loudness target with ID3 chapters, transcript, chapters,
/// show notes, and the episode's item in <c>feed.xml</c>. Every name is deterministic and the feed item is keyed by
/// the episode's guid, so a retried or replayed activity overwrites instead of duplicating.
/// </summary>
public sealed class PublishEpisodeActivity(EpisodePublisher publisher) : TaskActivity<PublishEpisodeInput, PublishEpisodeOutput>
{
    /// <inheritdoc />
    public override Task<PublishEpisodeOutput> RunAsync(TaskActivityContext context, PublishEpisodeInput input) =>
        publisher.PublishAsync(input, CancellationToken.None);
}
