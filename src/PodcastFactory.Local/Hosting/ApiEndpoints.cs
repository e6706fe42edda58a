using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Dashboard;

namespace PodcastFactory.Local.Hosting;

/// <summary>Maps the Core API handlers under <c>/api</c>: the same routes and handlers as the Functions app's HTTP triggers.</summary>
public static class ApiEndpoints
{
    // What podcast apps and players fetch answers HEAD too (headers of the GET, no body).
    static readonly string[] _getOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps every endpoint.</summary>
    public static RouteGroupBuilder MapPodcastFactoryApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        api.MapPost(ApiRoutes.Episodes, (HttpRequest r, EpisodeApi h, CancellationToken ct) => h.StartAsync(r, ct));
        api.MapGet(ApiRoutes.Episodes, (HttpRequest r, EpisodeApi h, CancellationToken ct) => h.ListAsync(r, ct));
        api.MapGet(ApiRoutes.Episode, (HttpRequest r, string id, EpisodeApi h, CancellationToken ct) => h.GetAsync(r, id, ct));
        api.MapMethods(ApiRoutes.Artifact, _getOrHead, (HttpRequest r, string id, string? name, EpisodeApi h, CancellationToken ct) => h.GetArtifactAsync(r, id, name, ct));
        api.MapPost(ApiRoutes.Cancel, (HttpRequest r, string id, EpisodeApi h, CancellationToken ct) => h.CancelAsync(r, id, ct));
        api.MapPost(ApiRoutes.Approve, (HttpRequest r, string id, ReviewApi h, CancellationToken ct) => h.ApproveAsync(r, id, ct));
        api.MapPost(ApiRoutes.Reject, (HttpRequest r, string id, ReviewApi h, CancellationToken ct) => h.RejectAsync(r, id, ct));
        api.MapGet(ApiRoutes.Script, (HttpRequest r, string id, ScriptApi h, CancellationToken ct) => h.GetAsync(r, id, ct));
        api.MapPut(ApiRoutes.Script, (HttpRequest r, string id, ScriptApi h, CancellationToken ct) => h.PutAsync(r, id, ct));
        api.MapPost(ApiRoutes.Revoice, (HttpRequest r, string id, ScriptApi h, CancellationToken ct) => h.RevoiceAsync(r, id, ct));
        api.MapGet(ApiRoutes.Backlog, (HttpRequest r, BacklogApi h, CancellationToken ct) => h.GetAsync(r, ct));
        api.MapPut(ApiRoutes.Backlog, (HttpRequest r, BacklogApi h, CancellationToken ct) => h.PutAsync(r, ct));
        api.MapPost(ApiRoutes.Webhooks, (HttpRequest r, WebhookApi h, CancellationToken ct) => h.CreateAsync(r, ct));
        api.MapGet(ApiRoutes.Webhooks, (HttpRequest r, WebhookApi h, CancellationToken ct) => h.ListAsync(r, ct));
        api.MapGet(ApiRoutes.Webhook, (HttpRequest r, string id, WebhookApi h, CancellationToken ct) => h.GetAsync(r, id, ct));
        api.MapDelete(ApiRoutes.Webhook, (HttpRequest r, string id, WebhookApi h, CancellationToken ct) => h.DeleteAsync(r, id, ct));
        api.MapGet(ApiRoutes.WebhookDeliveries, (HttpRequest r, string id, WebhookApi h, CancellationToken ct) => h.DeliveriesAsync(r, id, ct));
        api.MapPost(ApiRoutes.Shows, (HttpRequest r, ShowApi h, CancellationToken ct) => h.CreateAsync(r, ct));
        api.MapGet(ApiRoutes.Shows, (HttpRequest r, ShowApi h, CancellationToken ct) => h.ListAsync(r, ct));
        api.MapGet(ApiRoutes.Show, (HttpRequest r, string id, ShowApi h, CancellationToken ct) => h.GetAsync(r, id, ct));
        api.MapPut(ApiRoutes.Show, (HttpRequest r, string id, ShowApi h, CancellationToken ct) => h.PutAsync(r, id, ct));
        api.MapDelete(ApiRoutes.Show, (HttpRequest r, string id, ShowApi h, CancellationToken ct) => h.DeleteAsync(r, id, ct));
        api.MapMethods(ApiRoutes.ShowFeed, _getOrHead, (HttpRequest r, string id, ShowApi h, CancellationToken ct) => h.GetFeedAsync(r, id, ct));
        api.MapPut(ApiRoutes.ShowArtwork, (HttpRequest r, string id, ShowArtworkApi h, CancellationToken ct) => h.PutAsync(r, id, ct));
        api.MapMethods(ApiRoutes.ShowArtwork, _getOrHead, (HttpRequest r, string id, ShowArtworkApi h, CancellationToken ct) => h.GetAsync(r, id, ct));
        api.MapMethods(ApiRoutes.Feed, _getOrHead, (HttpRequest r, FeedApi h, CancellationToken ct) => h.GetFeedAsync(r, ct));
        api.MapMethods(ApiRoutes.FeedArtwork, _getOrHead, FeedApi.GetArtwork);
        api.MapGet(ApiRoutes.Voices, (HttpRequest r, VoicesApi h, CancellationToken ct) => h.ListAsync(r, ct));
        api.MapPost(ApiRoutes.VoicePreview, (HttpRequest r, VoicePreviewApi h, CancellationToken ct) => h.PreviewAsync(r, ct));
        api.MapPost(ApiRoutes.Quotes, (HttpRequest r, QuoteApi h, CancellationToken ct) => h.CreateAsync(r, ct));
        return api;
    }

    /// <summary>
    /// Maps the dashboard: its files under <c>/dashboard/</c> (the same bytes the Functions app serves under
    /// <c>/api/dashboard/</c>), and <c>/</c> redirects there.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext c) =>
        {
            DashboardFiles.AddSecurityHeaders(c.Response);
            return Results.Redirect($"{c.Request.PathBase}/{DashboardFiles.RouteSegment}/");
        });
        endpoints.MapGet("/" + DashboardFiles.RouteSegment + "/{*path}", (HttpRequest r, string? path) => DashboardFiles.Serve(r, path));
        return endpoints;
    }

    /// <summary>
    /// The catch-all around the API: a rejected request keeps its 4xx (413 for a body over the cap), anything
    /// unexpected becomes a 500 problem without internals (<see cref="ApiExceptions"/>).
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app)
    {
        ILogger logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints).FullName!);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Clear();
                await ApiExceptions.ToResult(ex, context, logger).ExecuteAsync(context);
            }
        });
    }
}
