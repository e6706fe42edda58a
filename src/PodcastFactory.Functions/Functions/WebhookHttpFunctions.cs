using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>The webhook subscription endpoints: one-line calls into <see cref="WebhookApi"/>, the handlers <c>podcast serve</c> maps.</summary>
public static class WebhookHttpFunctions
{
    /// <summary>POST /api/webhooks.</summary>
    [Function(nameof(CreateWebhook))]
    public static Task<IResult> CreateWebhook(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Webhooks)] HttpRequest request, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<WebhookApi>().CreateAsync(request, context.CancellationToken);

    /// <summary>GET /api/webhooks.</summary>
    [Function(nameof(ListWebhooks))]
    public static Task<IResult> ListWebhooks(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Webhooks)] HttpRequest request, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<WebhookApi>().ListAsync(request, context.CancellationToken);

    /// <summary>GET /api/webhooks/{id}.</summary>
    [Function(nameof(GetWebhook))]
    public static Task<IResult> GetWebhook(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Webhook)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<WebhookApi>().GetAsync(request, id, context.CancellationToken);

    /// <summary>DELETE /api/webhooks/{id}.</summary>
    [Function(nameof(DeleteWebhook))]
    public static Task<IResult> DeleteWebhook(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Webhook)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<WebhookApi>().DeleteAsync(request, id, context.CancellationToken);

    /// <summary>GET /api/webhooks/{id}/deliveries.</summary>
    [Function(nameof(GetWebhookDeliveries))]
    public static Task<IResult> GetWebhookDeliveries(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.WebhookDeliveries)] HttpRequest request, string id, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<WebhookApi>().DeliveriesAsync(request, id, context.CancellationToken);
}
