using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>RFC 7807 problem details (application/problem+json) for every error the API returns.</summary>
public static class ApiProblems
{
    /// <summary>400 with <c>errors</c> keyed by the field, in the camelCase of the JSON contract.</summary>
    public static IResult Validation(IReadOnlyList<ValidationError> errors) => Results.ValidationProblem(
        errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
        detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
        title: "The request is invalid.");

    /// <summary>400 for one field.</summary>
    public static IResult Validation(string field, string message) => Validation([new ValidationError(field, message)]);

    /// <summary>404.</summary>
    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>409: the request is valid but the episode is not in a state that allows it.</summary>
    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.");

    /// <summary>412: an If-Match precondition failed.</summary>
    public static IResult PreconditionFailed(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed.");

    /// <summary>428: the request must be conditional (If-Match), so an edit never overwrites one it has not seen.</summary>
    public static IResult PreconditionRequired(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required.",
        type: "https://www.rfc-editor.org/rfc/rfc6585#section-3");

    /// <summary>503 with <c>Retry-After</c>: the request was valid but a backend (task hub, artifact store) failed; trying again may work.</summary>
    public static IResult Unavailable(string detail) => new RetryLater(Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable."));

    /// <summary>The episode id problem (ids are validated before any lookup).</summary>
    public static IResult UnknownEpisode(string id) => NotFound($"There is no episode '{id}'.");

    // Adds Retry-After to a 503 problem: the seconds a client should wait before asking again.
    sealed class RetryLater(IResult problem) : IResult
    {
        public const int Seconds = 5;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
