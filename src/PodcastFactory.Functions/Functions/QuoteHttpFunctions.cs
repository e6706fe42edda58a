using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>POST /api/quotes over <see cref="QuoteApi"/>.</summary>
public static class QuoteHttpFunctions
{
    /// <summary>
    /// POST /api/quotes. The quote validates as a start does, through the <see cref="Core.Workflow.Starting.EpisodeStarter"/>,
    /// which needs the durable client (it starts nothing here).
    /// </summary>
    [Function(nameof(CreateQuote))]
    public static Task<IResult> CreateQuote(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Quotes)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        context.Resolve<QuoteApi>(client).CreateAsync(request, context.CancellationToken);
}
