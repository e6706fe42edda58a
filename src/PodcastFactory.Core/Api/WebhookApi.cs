using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>POST/GET/DELETE /api/webhooks</c> and <c>GET /api/webhooks/{id}/deliveries</c>, shared by both hosts. The secret
/// is in the 201 answer only; errors are RFC 7807 problems naming the field.
/// </summary>
public sealed partial class WebhookApi(WebhookSubscriptions subscriptions, WebhookStore store, ILogger<WebhookApi> logger)
{
    /// <summary>Most deliveries listed.</summary>
    public const int MaxDeliveriesListed = 100;

    /// <summary><c>POST /api/webhooks</c>: 201 with the subscription and its secret; 400 for a bad body or URL; 409 at <c>Webhooks:MaxSubscriptions</c>.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (CreateWebhookRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<CreateWebhookRequest>(request, cancellationToken);
        if (body is not null)
        {
            errors = await subscriptions.ValidateAsync(body.Url, body.Events, body.Show, "url", cancellationToken);
        }

        if (body is null || errors.Count > 0)
        {
            Logs.RequestRefused(logger, errors.Count, errors.Count > 0 ? errors[0].Field : "body", errors.Count > 0 ? errors[0].Message : "invalid");
            return ApiProblems.Validation(errors);
        }

        CreatedSubscription? created = await subscriptions.CreateAsync(body.Url!, body.Events?.OfType<string>().ToList(), body.Show, cancellationToken);
        if (created is null)
        {
            return ApiProblems.Conflict("The subscription limit (Webhooks:MaxSubscriptions) is reached; delete one first.");
        }

        Logs.WebhookSubscribed(logger, created.Subscription.Id, created.Subscription.Events.Count);
        string baseUrl = EpisodeApi.BaseUrl(request);
        request.HttpContext.Response.Headers.Location = $"{baseUrl}/{ApiRoutes.Prefix}/webhooks/{created.Subscription.Id}";
        return Results.Json(WebhookResponse.Of(created.Subscription, baseUrl, created.Secret), PodcastJson.Compact, statusCode: StatusCodes.Status201Created);
    }

    /// <summary><c>GET /api/webhooks</c>: every subscription (no secrets).</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        string baseUrl = EpisodeApi.BaseUrl(request);
        List<WebhookSubscription> all = await store.ListAsync(withCallbacks: false, cancellationToken);
        return Results.Json(new WebhookListResponse(all.OrderBy(s => s.CreatedAt).Select(s => WebhookResponse.Of(s, baseUrl)).ToList()), PodcastJson.Compact);
    }

    /// <summary><c>GET /api/webhooks/{id}</c>: one subscription (a per-episode callback too, as <c>cb-{episode}</c>).</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        return await FindAsync(id, cancellationToken) is { } s
            ? Results.Json(WebhookResponse.Of(s, EpisodeApi.BaseUrl(request)), PodcastJson.Compact)
            : Unknown(id);
    }

    /// <summary><c>DELETE /api/webhooks/{id}</c>: 204; deliveries in progress stop at their next attempt.</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (await FindAsync(id, cancellationToken) is null)
        {
            return Unknown(id);
        }

        await store.DeleteAsync(id, cancellationToken);
        Logs.WebhookUnsubscribed(logger, id);
        return Results.NoContent();
    }

    /// <summary><c>GET /api/webhooks/{id}/deliveries</c>: per event its attempts, status codes, state and next try; newest first.</summary>
    public async Task<IResult> DeliveriesAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (!IsId(id))
        {
            return Unknown(id);
        }

        // A deleted subscription's log stays readable: it may be why it was deleted.
        List<WebhookDelivery> deliveries = await store.DeliveriesAsync(id, MaxDeliveriesListed, cancellationToken);
        return deliveries.Count == 0 && await store.FindAsync(id, cancellationToken) is null
            ? Unknown(id)
            : Results.Json(new WebhookDeliveriesResponse(id, deliveries), PodcastJson.Compact);
    }

    async Task<WebhookSubscription?> FindAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? await store.FindAsync(id, cancellationToken) : null;

    static bool IsId(string id) => IdRegex().IsMatch(id);

    static IResult Unknown(string id) => ApiProblems.NotFound($"There is no webhook subscription '{id}'.");

    [GeneratedRegex("^(wh_[0-9a-f]{16}|cb-[a-z0-9][a-z0-9-]{2,63})$")]
    private static partial Regex IdRegex();
}
