using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>
/// A show's feed for the publisher and the API: the channel from the show (title, description, author, owner, language,
/// category, explicit, artwork) over the configured <c>Feed</c> section (public base URL, item cap, locked), and its
/// <c>feed.xml</c> beside the show's document. A deleted show still has its feed; a purged one has none.
/// </summary>
public sealed class ShowFeeds(ShowStore shows, IOptions<ArtifactStoreOptions> artifacts, IOptions<FeedOptions> feed) : IShowFeeds
{
    /// <summary>Where a show's feed is served under the API base.</summary>
    public static string FeedPath(string showId) => $"shows/{showId}/feed.xml";

    /// <inheritdoc />
    public async Task<ShowChannel?> FindAsync(string showId, CancellationToken cancellationToken) =>
        await shows.FindAsync(showId, cancellationToken) is { } found ? For(found.Show) : null;

    /// <summary>Where a show's uploaded artwork is served under the API base.</summary>
    public static string ArtworkPath(string showId) => $"shows/{showId}/artwork";

    /// <summary>The feed of <paramref name="show"/>; <paramref name="uploadedArtwork"/>, when given, replaces its <c>artworkUrl</c>.</summary>
    public ShowChannel For(Show show, Uri? uploadedArtwork = null)
    {
        ArgumentNullException.ThrowIfNull(show);
        FeedOptions channel = Channel(show, feed.Value);
        channel.ArtworkUrl = uploadedArtwork ?? channel.ArtworkUrl;
        return new ShowChannel(channel, FeedStoreFactory.Create(artifacts.Value, ShowStore.FeedName(show.Id)), FeedPath(show.Id));
    }

    /// <summary>The channel settings of <paramref name="show"/> over the configured ones.</summary>
    public static FeedOptions Channel(Show show, FeedOptions configured)
    {
        ArgumentNullException.ThrowIfNull(show);
        ArgumentNullException.ThrowIfNull(configured);
        return new FeedOptions
        {
            Title = show.Title,
            Description = string.IsNullOrWhiteSpace(show.Description) ? show.Title : show.Description,
            Author = show.Author,
            OwnerEmail = show.OwnerEmail,
            Locked = configured.Locked,
            Language = show.Language,
            Category = show.Category,
            Explicit = show.Explicit,
            PublicBaseUrl = configured.PublicBaseUrl,
            ArtworkUrl = show.ArtworkUrl is null ? configured.ArtworkUrl : new Uri(show.ArtworkUrl),
            MaxItems = configured.MaxItems,
        };
    }
}
