using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Api;

/// <summary><c>GET /api/feed.xml</c> and <c>GET /api/feed/artwork.png</c>: the podcast feed and its default artwork.</summary>
public sealed class FeedApi(IFeedStore store)
{
    /// <summary>GET: the feed as stored (404 with problem details until the first episode is published), with its ETag.</summary>
    public async Task<IResult> GetFeedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        FeedSnapshot snapshot = await store.ReadAsync(cancellationToken);
        if (snapshot.Content is null)
        {
            return Results.Problem(
                title: "No feed yet",
                detail: "The feed is written when the first episode is published.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (snapshot.ETag is not null)
        {
            if (request.Headers.IfNoneMatch.Contains(snapshot.ETag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            request.HttpContext.Response.Headers.ETag = snapshot.ETag;
        }

        return Results.Bytes(snapshot.Content, PodcastFeed.ContentType);
    }

    /// <summary>GET: the supplied default artwork (1400 x 1400 PNG).</summary>
    public static IResult GetArtwork() => Results.Bytes(DefaultArtwork.Bytes, DefaultArtwork.ContentType);
}
