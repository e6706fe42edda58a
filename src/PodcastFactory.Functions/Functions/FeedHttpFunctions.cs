using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>GET and HEAD /api/feed.xml and /api/feed/artwork.png over <see cref="FeedApi"/>; anonymous, because podcast apps fetch them without keys.</summary>
public static class FeedHttpFunctions
{
    /// <summary>GET|HEAD /api/feed.xml.</summary>
    [Function(nameof(GetFeed))]
    public static Task<IResult> GetFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiRoutes.Feed)] HttpRequest request,
        FunctionContext context) =>
        context.InstanceServices.GetRequiredService<FeedApi>().GetFeedAsync(request, context.CancellationToken);

    /// <summary>GET|HEAD /api/feed/artwork.png.</summary>
    [Function(nameof(GetFeedArtwork))]
    public static IResult GetFeedArtwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiRoutes.FeedArtwork)] HttpRequest request) =>
        FeedApi.GetArtwork(request);
}
