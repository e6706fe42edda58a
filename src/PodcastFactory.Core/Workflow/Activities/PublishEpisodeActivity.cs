using Microsoft.DurableTask;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// The publish stage: <c>episode.mp3</c> mastered to the loudness target with ID3 chapters, transcript, chapters,
/// show notes, and the episode's item in <c>feed.xml</c>. Every name is deterministic and the feed item is keyed by
/// the episode's guid, so a retried or replayed activity overwrites instead of duplicating. A publish already finished
/// for the same input (a re-run of a published episode) is reused, not mastered again; the others wait for a slot in
/// the <see cref="PublishQueue"/>.
/// </summary>
public sealed class PublishEpisodeActivity(EpisodePublisher publisher, PublishQueue queue) : TaskActivity<PublishRequest, PublishEpisodeOutput>
{
    /// <inheritdoc />
    public override async Task<PublishEpisodeOutput> RunAsync(TaskActivityContext context, PublishRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await publisher.FindPublishedAsync(input, CancellationToken.None) is { } done)
        {
            return Output(done, reused: true);
        }

        Publication? published;
        using (await queue.EnterAsync(input.EpisodeId, CancellationToken.None))
        {
            published = await publisher.PublishAsync(input, CancellationToken.None);
        }

        return published is null ? new PublishEpisodeOutput(true, [], 0, 0, 0, 0, 0, 0, null) : Output(published, reused: false);
    }

    static PublishEpisodeOutput Output(Publication published, bool reused) =>
        new(false, published.Artifacts, published.IntegratedLufs, published.TruePeakDbtp, published.DurationSeconds, published.Mp3Bytes,
            published.Chapters, published.EpisodeNumber, published.Feed, published.Warning, reused);
}
