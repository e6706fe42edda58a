using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>The episode endpoints: each a one-line call into <see cref="EpisodeApi"/>, the same handlers <c>podcast serve</c> maps.</summary>
public static class EpisodeHttpFunctions
{
    /// <summary>POST /api/episodes.</summary>
    [Function(nameof(StartEpisode))]
    public static Task<IResult> StartEpisode(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Episodes)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<EpisodeApi>(client).StartAsync(request, context.CancellationToken);

    /// <summary>GET /api/episodes.</summary>
    [Function(nameof(ListEpisodes))]
    public static Task<IResult> ListEpisodes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Episodes)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<EpisodeApi>(client).ListAsync(request, context.CancellationToken);

    /// <summary>GET /api/episodes/{id}.</summary>
    [Function(nameof(GetEpisode))]
    public static Task<IResult> GetEpisode(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Episode)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<EpisodeApi>(client).GetAsync(request, id, context.CancellationToken);

    /// <summary>GET|HEAD /api/episodes/{id}/artifacts/{name} (Range too).</summary>
    [Function(nameof(GetArtifact))]
    public static Task<IResult> GetArtifact(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = ApiRoutes.Artifact)] HttpRequest request,
        string id,
        string name,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<EpisodeApi>(client).GetArtifactAsync(request, id, name, context.CancellationToken);

    /// <summary>POST /api/episodes/{id}/cancel.</summary>
    [Function(nameof(CancelEpisode))]
    public static Task<IResult> CancelEpisode(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Cancel)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<EpisodeApi>(client).CancelAsync(request, id, context.CancellationToken);

    /// <summary>POST /api/episodes/{id}/approve.</summary>
    [Function(nameof(ApproveEpisode))]
    public static Task<IResult> ApproveEpisode(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Approve)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<ReviewApi>(client).ApproveAsync(request, id, context.CancellationToken);

    /// <summary>POST /api/episodes/{id}/reject.</summary>
    [Function(nameof(RejectEpisode))]
    public static Task<IResult> RejectEpisode(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Reject)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<ReviewApi>(client).RejectAsync(request, id, context.CancellationToken);

    /// <summary>GET /api/episodes/{id}/script.</summary>
    [Function(nameof(GetScript))]
    public static Task<IResult> GetScript(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Script)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<ScriptApi>(client).GetAsync(request, id, context.CancellationToken);

    /// <summary>PUT /api/episodes/{id}/script.</summary>
    [Function(nameof(PutScript))]
    public static Task<IResult> PutScript(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Script)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<ScriptApi>(client).PutAsync(request, id, context.CancellationToken);

    /// <summary>POST /api/episodes/{id}/revoice.</summary>
    [Function(nameof(RevoiceEpisode))]
    public static Task<IResult> RevoiceEpisode(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Revoice)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<ScriptApi>(client).RevoiceAsync(request, id, context.CancellationToken);
}
