using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>POST /api/quotes over <see cref="QuoteApi"/>.</summary>
public static class QuoteHttpFunctions
{
    /// <summary>POST /api/quotes.</summary>
    [Function(nameof(CreateQuote))]
    public static Task<IResult> CreateQuote(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Quotes)] HttpRequest request,
        FunctionContext context) =>
        context.InstanceServices.GetRequiredService<QuoteApi>().CreateAsync(request, context.CancellationToken);
}
