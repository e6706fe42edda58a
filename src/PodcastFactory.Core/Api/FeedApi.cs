using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>GET|HEAD /api/feed.xml</c> and <c>GET|HEAD /api/feed/artwork.png</c>: the podcast feed and its default artwork.
/// The feed is rendered for the address it is served from (<see cref="FeedAddress"/>): the channel from the current
/// settings, the stored items with their links moved onto that address.
/// </summary>
public sealed class FeedApi(IFeedStore store, IOptions<FeedOptions> options, FeedAddress address)
{
    /// <summary>
    /// GET/HEAD: the feed (404 with problem details until the first episode is published) with a strong ETag of the
    /// bytes served and the stored feed's Last-Modified; 304 to a matching If-None-Match or, without one, to an
    /// If-Modified-Since not older than the feed. Any query parameter is a 400.
    /// </summary>
    public async Task<IResult> GetFeedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        FeedSnapshot snapshot = await store.ReadAsync(cancellationToken);
        if (snapshot.Content is null)
        {
            return Results.Problem(
                title: "No feed yet",
                detail: "The feed is written when the first episode is published.",
                statusCode: StatusCodes.Status404NotFound);
        }

        return Serve(request, address, options.Value, snapshot, PodcastFeed.RootPath);
    }

    /// <summary>
    /// A stored feed (items only; none yet is an empty channel) rendered with <paramref name="channel"/> for the address
    /// <paramref name="request"/> came to, served at <paramref name="feedPath"/> under the API base: the root feed and every show's.
    /// </summary>
    public static IResult Serve(HttpRequest request, FeedAddress address, FeedOptions channel, FeedSnapshot snapshot, string feedPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(snapshot);
        Uri baseUrl = address.ForRequest(new Uri(EpisodeApi.BaseUrl(request) + "/" + ApiRoutes.Prefix));
        byte[] feed = PodcastFeed.Render(channel, baseUrl, FeedLinks.Rebase(PodcastFeed.ReadItems(snapshot.Content), baseUrl), feedPath);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(feed).AsSpan(0, 16)) + "\"");
        // The framework's file result answers HEAD without a body and the conditional requests (304, 412) from these two.
        return Results.Bytes(feed, PodcastFeed.ContentType, lastModified: snapshot.LastModified, entityTag: etag);
    }

    /// <summary>GET/HEAD: the supplied default artwork (1400 x 1400 PNG); any query parameter is a 400.</summary>
    public static IResult GetArtwork(HttpRequest request) =>
        QueryRules.Refuse(request) ?? Results.Bytes(DefaultArtwork.Bytes, DefaultArtwork.ContentType);
}
