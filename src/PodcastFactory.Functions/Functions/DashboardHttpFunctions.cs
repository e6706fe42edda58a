using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using PodcastFactory.Core.Dashboard;

namespace PodcastFactory.Functions.Functions;

/// <summary>
/// GET /api/dashboard/{*path}: the producer's dashboard, the same embedded files <c>podcast serve</c> serves. Anonymous:
/// the files hold no secrets; the page's API calls carry the function key the producer types in.
/// </summary>
public static class DashboardHttpFunctions
{
    /// <summary>The route: the dashboard's files under the API's route prefix.</summary>
    public const string Route = DashboardFiles.RouteSegment + "/{*path}";

    /// <summary>GET /api/dashboard/{*path}.</summary>
    [Function(nameof(Dashboard))]
    public static IResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string? path) =>
        DashboardFiles.Serve(request, path);
}
