using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>A show's feed: its channel settings (title, author, artwork ... from the show) and where its <c>feed.xml</c> is.</summary>
/// <param name="Options">The channel, as <see cref="FeedOptions"/> with the show's values over the configured ones.</param>
/// <param name="Store">The show's feed document.</param>
/// <param name="FeedPath">Where the feed is served under the API base (its self link), e.g. <c>shows/{id}/feed.xml</c>.</param>
public sealed record ShowChannel(FeedOptions Options, IFeedStore Store, string FeedPath);

/// <summary>Finds a show's feed (the shows live a layer above publishing, in <c>Workflow/Shows</c>).</summary>
public interface IShowFeeds
{
    /// <summary>The feed of show <paramref name="showId"/>, or null when there is no such show (purged, or never made).</summary>
    Task<ShowChannel?> FindAsync(string showId, CancellationToken cancellationToken);
}
