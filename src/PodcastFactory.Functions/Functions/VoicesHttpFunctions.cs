using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>GET /api/voices over <see cref="VoicesApi"/>, POST /api/voices/preview over <see cref="VoicePreviewApi"/>.</summary>
public static class VoicesHttpFunctions
{
    /// <summary>GET /api/voices.</summary>
    [Function(nameof(ListVoices))]
    public static Task<IResult> ListVoices(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Voices)] HttpRequest request,
        FunctionContext context) =>
        context.InstanceServices.GetRequiredService<VoicesApi>().ListAsync(request, context.CancellationToken);

    /// <summary>POST /api/voices/preview.</summary>
    [Function(nameof(PreviewVoice))]
    public static Task<IResult> PreviewVoice(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.VoicePreview)] HttpRequest request,
        FunctionContext context) =>
        context.InstanceServices.GetRequiredService<VoicePreviewApi>().PreviewAsync(request, context.CancellationToken);
}
