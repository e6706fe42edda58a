using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// Adds or replaces an episode's item in <c>feed.xml</c>: read with its ETag, merge, write only if unchanged; when
/// another episode wrote in between, read and merge again (up to <see cref="MaxAttempts"/> times, with a short
/// randomized back-off). The channel links are built on <c>baseUrl</c> (the API base). Re-publishing an episode replaces its item (same guid), so retries never duplicate it.
/// </summary>
/// <param name="store">Where the feed is.</param>
/// <param name="options">Its channel.</param>
/// <param name="baseUrl">The API base its links are built on.</param>
/// <param name="feedPath">Where it is served under that base (<see cref="PodcastFeed.RootPath"/>, or a show's feed).</param>
public sealed class FeedPublisher(IFeedStore store, FeedOptions options, Uri baseUrl, string feedPath = PodcastFeed.RootPath)
{
    /// <summary>Attempts before giving up.</summary>
    public const int MaxAttempts = 20;

    /// <summary>The episode number the item would get now: its number if already listed, else one more than the highest.</summary>
    public async Task<int> NextEpisodeNumberAsync(string guid, CancellationToken cancellationToken)
    {
        FeedSnapshot snapshot = await store.ReadAsync(cancellationToken);
        var items = PodcastFeed.ReadItems(snapshot.Content);
        if (items.FirstOrDefault(i => PodcastFeed.GuidOf(i) == guid) is { } existing && PodcastFeed.EpisodeNumberOf(existing) is { } number)
        {
            return number;
        }

        return items.Select(i => PodcastFeed.EpisodeNumberOf(i) ?? 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>Writes <paramref name="item"/> into the feed; returns how many attempts it took.</summary>
    /// <exception cref="InvalidOperationException">Every attempt lost a race.</exception>
    public async Task<int> PublishAsync(FeedItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            FeedSnapshot snapshot = await store.ReadAsync(cancellationToken);
            byte[] merged = PodcastFeed.Merge(snapshot.Content, item, options, baseUrl, feedPath);
            if (await store.TryWriteAsync(merged, snapshot.ETag, cancellationToken) is not null)
            {
                return attempt;
            }

            await Task.Delay(Random.Shared.Next(10, 50 * Math.Min(attempt, 6)), cancellationToken);
        }

        throw new InvalidOperationException($"The feed at {store.Location} changed during each of {MaxAttempts} attempts to add '{item.Guid}'.");
    }
}
