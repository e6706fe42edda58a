using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>The show endpoints: one-line calls into <see cref="ShowApi"/>, the handlers <c>podcast serve</c> maps.</summary>
public static class ShowHttpFunctions
{
    /// <summary>POST /api/shows.</summary>
    [Function(nameof(CreateShow))]
    public static Task<IResult> CreateShow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Shows)] HttpRequest request, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowApi>().CreateAsync(request, context.CancellationToken);

    /// <summary>GET /api/shows.</summary>
    [Function(nameof(ListShows))]
    public static Task<IResult> ListShows(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Shows)] HttpRequest request, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowApi>().ListAsync(request, context.CancellationToken);

    /// <summary>GET /api/shows/{id}.</summary>
    [Function(nameof(GetShow))]
    public static Task<IResult> GetShow(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Show)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowApi>().GetAsync(request, id, context.CancellationToken);

    /// <summary>PUT /api/shows/{id} (If-Match).</summary>
    [Function(nameof(PutShow))]
    public static Task<IResult> PutShow(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Show)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowApi>().PutAsync(request, id, context.CancellationToken);

    /// <summary>DELETE /api/shows/{id}[?purge=true].</summary>
    [Function(nameof(DeleteShow))]
    public static Task<IResult> DeleteShow(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Show)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowApi>().DeleteAsync(request, id, context.CancellationToken);

    /// <summary>GET|HEAD /api/shows/{id}/feed.xml: anonymous, like the root feed (podcast apps carry no key).</summary>
    [Function(nameof(GetShowFeed))]
    public static Task<IResult> GetShowFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiRoutes.ShowFeed)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowApi>().GetFeedAsync(request, id, context.CancellationToken);

    /// <summary>PUT /api/shows/{id}/artwork (If-Match; a PNG or JPEG body).</summary>
    [Function(nameof(PutShowArtwork))]
    public static Task<IResult> PutShowArtwork(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.ShowArtwork)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowArtworkApi>().PutAsync(request, id, context.CancellationToken);

    /// <summary>GET|HEAD /api/shows/{id}/artwork: anonymous, like the feed that points at it.</summary>
    [Function(nameof(GetShowArtwork))]
    public static Task<IResult> GetShowArtwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiRoutes.ShowArtwork)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ShowArtworkApi>().GetAsync(request, id, context.CancellationToken);
}
