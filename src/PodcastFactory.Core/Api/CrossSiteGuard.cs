using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The cross-site rules of every state-changing request (POST, PUT, PATCH, DELETE), applied by both hosts before any
/// handler runs. A page on another origin could start episodes on a keyless server with a no-cors <c>text/plain</c>
/// fetch or a plain HTML form, neither of which needs a CORS preflight; so:
/// an <c>Origin</c> header, when present, must be the server's own origin, <c>Feed:PublicBaseUrl</c>'s or one in
/// <c>Api:AllowedOrigins</c> (else 403); and a request with a body must say <c>Content-Type: application/json</c>
/// (else 415), which no form or no-cors fetch can send. Bodiless commands (cancel, revoice) need no content type, but a
/// declared one must be JSON. The one exception is <c>PUT /api/shows/{id}/artwork</c>, whose body is the image itself:
/// there <c>image/png</c> and <c>image/jpeg</c> pass too (a form cannot send either, and a no-cors fetch that tries is
/// still stopped by its foreign Origin). GET and HEAD are never state-changing here and pass.
/// </summary>
public sealed class CrossSiteGuard(IOptions<ApiOptions> api, IOptions<FeedOptions> feed, ILogger<CrossSiteGuard> logger)
{
    /// <summary>The only media type a request body may have.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>The problem to answer instead of running the handler; null when <paramref name="request"/> may go on.</summary>
    public IResult? Refuse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsStateChanging(request.Method))
        {
            return null;
        }

        if (request.Headers.Origin is { Count: > 0 } origin && !IsAllowedOrigin(origin.Count == 1 ? origin[0] : null, request))
        {
            return Problem(request, StatusCodes.Status403Forbidden, "Cross-site request refused.",
                $"Origin '{origin}' is not this server's origin; pages on other origins may not change anything here (Api:AllowedOrigins lists the exceptions).");
        }

        if (!IsJsonOrBodiless(request) && !IsArtworkUpload(request))
        {
            return Problem(request, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
                $"Send the body as {JsonMediaType} (Content-Type: {JsonMediaType}); '{request.ContentType ?? "no content type"}' is not accepted.");
        }

        return null;
    }

    /// <summary>True for the methods that may change state.</summary>
    public static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    bool IsAllowedOrigin(string? origin, HttpRequest request)
    {
        string? given = ApiOptions.OriginOf(origin);
        if (given is null)
        {
            // "null" (sandboxed or privacy-stripped documents) and anything malformed are foreign by definition.
            return false;
        }

        return (Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out Uri? own) && given == ApiOptions.OriginOf(own))
            || (feed.Value.PublicBaseUrl is { } publicBase && given == ApiOptions.OriginOf(publicBase))
            || api.Value.AllowedOrigins.Any(a => ApiOptions.OriginOf(a) == given);
    }

    static bool IsJsonOrBodiless(HttpRequest request)
    {
        if (request.ContentType is null)
        {
            return request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0;
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            && type.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
            && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    // An image body, deliberately let through on the artwork route only; ShowArtworkApi checks the bytes themselves.
    static bool IsArtworkUpload(HttpRequest request) =>
        HttpMethods.IsPut(request.Method)
        && ApiRoutes.IsShowArtworkPath(request.Path.Value)
        && MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
        && type.MediaType.Value is { } media
        && (media.Equals(ArtworkImage.Png, StringComparison.OrdinalIgnoreCase) || media.Equals(ArtworkImage.Jpeg, StringComparison.OrdinalIgnoreCase));

    IResult Problem(HttpRequest request, int status, string title, string detail)
    {
        Logs.CrossSiteRefused(logger, request.Method, request.Path, status, title);
        return Results.Problem(detail, statusCode: status, title: title);
    }
}
