using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>GET/PUT /api/backlog over <see cref="BacklogApi"/>.</summary>
public static class BacklogHttpFunctions
{
    /// <summary>GET /api/backlog.</summary>
    [Function(nameof(GetBacklog))]
    public static Task<IResult> GetBacklog(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Backlog)] HttpRequest request,
        FunctionContext context) =>
        context.InstanceServices.GetRequiredService<BacklogApi>().GetAsync(request, context.CancellationToken);

    /// <summary>PUT /api/backlog.</summary>
    [Function(nameof(PutBacklog))]
    public static Task<IResult> PutBacklog(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Backlog)] HttpRequest request,
        FunctionContext context) =>
        context.InstanceServices.GetRequiredService<BacklogApi>().PutAsync(request, context.CancellationToken);
}
