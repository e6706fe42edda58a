using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Api;

/// <summary>Answer of <c>POST /api/quotes</c>: the stored quote without its request hash.</summary>
/// <param name="QuoteId">Pass as <c>quoteId</c> to <c>POST /api/episodes</c> with the same request.</param>
/// <param name="ExpiresAt">Until when a start may use it.</param>
/// <param name="TotalUsd">Expected cost.</param>
/// <param name="LowUsd">Lower edge of the expected band.</param>
/// <param name="HighUsd">Most the episode may cost: the budget of a start with this quote.</param>
/// <param name="Stages">Per stage.</param>
/// <param name="Assumptions">Model, prices, words, segments.</param>
public sealed record QuoteResponse(string QuoteId, DateTimeOffset ExpiresAt, decimal TotalUsd, decimal LowUsd, decimal HighUsd, IReadOnlyList<QuoteStage> Stages, QuoteAssumptions Assumptions)
{
    /// <summary>The response for <paramref name="quote"/>.</summary>
    public static QuoteResponse Of(EpisodeQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new(quote.QuoteId, quote.ExpiresAt, quote.TotalUsd, quote.LowUsd, quote.HighUsd, quote.Stages, quote.Assumptions);
    }
}

/// <summary>
/// <c>POST /api/quotes</c>, shared by both hosts: the body is the one <c>POST /api/episodes</c> takes (its <c>id</c>,
/// <c>callbackUrl</c> and <c>quoteId</c> do not change the price and are not part of what a quote binds), refused with
/// the same 400 problems.
/// </summary>
public sealed class QuoteApi(Quoter quoter, ILogger<QuoteApi> logger)
{
    /// <summary>200 with the quote; 400 for a bad body, request or source.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (CreateEpisodeRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<CreateEpisodeRequest>(request, cancellationToken);
        if (body is not null)
        {
            errors = body.ValidateForHttp();
        }

        if (body is null || errors.Count > 0)
        {
            return Refuse(errors);
        }

        try
        {
            EpisodeQuote quote = await quoter.QuoteAsync(body.ToEpisodeRequest(), cancellationToken);
            Logs.QuoteMade(logger, quote.QuoteId, quote.TotalUsd, quote.HighUsd);
            return Results.Json(QuoteResponse.Of(quote), PodcastJson.Compact);
        }
        catch (RequestValidationException ex)
        {
            return Refuse(ex.Errors);
        }
    }

    IResult Refuse(IReadOnlyList<ValidationError> errors)
    {
        ValidationError first = errors.Count > 0 ? errors[0] : new ValidationError("body", "invalid");
        Logs.RequestRefused(logger, errors.Count, first.Field, first.Message);
        return ApiProblems.Validation(errors);
    }
}
