using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The catch-all both hosts put around the API: a <see cref="BadHttpRequestException"/> (a body over the cap, a
/// malformed request the server rejected) keeps its 4xx status; anything else is a 500 problem that says where to look
/// (the trace id in the server log) and never leaks the exception's message or stack.
/// </summary>
public static class ApiExceptions
{
    /// <summary>The problem to answer for <paramref name="exception"/>; unexpected ones are logged with their stack.</summary>
    public static IResult ToResult(Exception exception, HttpContext context, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        string method = context.Request.Method, path = context.Request.Path;
        if (exception is BadHttpRequestException bad)
        {
            string title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is invalid.";
            Logs.ApiProblem(logger, method, path, bad.StatusCode, title);
            return Results.Problem(bad.Message, statusCode: bad.StatusCode, title: title);
        }

        Logs.ApiUnexpectedError(logger, exception, method, path, context.TraceIdentifier);
        return Results.Problem(
            $"The server could not complete the request; its log has the details under trace id {context.TraceIdentifier}.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Unexpected server error.",
            extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier });
    }
}
