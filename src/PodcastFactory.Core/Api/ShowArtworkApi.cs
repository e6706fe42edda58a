using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>PUT /api/shows/{id}/artwork</c> (the image as the body, If-Match on the show's ETag) and <c>GET|HEAD</c> of the
/// same address (anonymous: podcast apps fetch it from the feed). The body is judged by its bytes, not its Content-Type:
/// a PNG or JPEG whose header says square, 1400-3000 px (<see cref="ArtworkImage"/>), at most 5 MB (413 beyond).
/// An upload is a change of the show: its document is rewritten (new UpdatedAt, new ETag) only if it still has the
/// ETag the editor sent, so two uploads or an upload and an edit never overwrite each other unseen.
/// </summary>
public sealed class ShowArtworkApi(ShowStore shows, ShowArtworkStore artwork, TimeProvider time, ILogger<ShowArtworkApi> logger)
{
    /// <summary>The field refusals name.</summary>
    public const string Field = "artwork";

    /// <summary>PUT: 200 with the show and its new ETag. 400 naming <c>artwork</c>, 404, 409 deleted, 412 stale, 413 too large, 415 not PNG/JPEG, 428 no If-Match.</summary>
    public async Task<IResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (await shows.FindAsync(id, cancellationToken) is not { } current)
        {
            return ApiProblems.NotFound($"There is no show '{(ShowValidator.IsId(id) ? id : "(malformed id)")}'.");
        }

        if (current.Show.DeletedAt is not null)
        {
            return ApiProblems.Conflict($"Show '{id}' was deleted; purge it and create it again to reuse its id.");
        }

        string? ifMatch = request.Headers[HeaderNames.IfMatch];
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiProblems.PreconditionRequired($"Send If-Match with the ETag of the show (GET /api/shows/{id}).");
        }

        if (!EntityTags.IfMatch(ifMatch, current.ETag))
        {
            return Stale(id);
        }

        if (DeclaredType(request) is not { } declared)
        {
            Logs.ShowArtworkRefused(logger, id, "content type");
            return Results.Problem($"Send the artwork as {ArtworkImage.Png} or {ArtworkImage.Jpeg}; '{request.ContentType ?? "no content type"}' is not accepted.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
        }

        byte[] bytes = await ReadBodyAsync(request, cancellationToken);
        if (ArtworkImage.Read(bytes) is not { } image)
        {
            return Refuse(id, $"The body is not a PNG or JPEG image (its first bytes are neither signature), whatever its Content-Type says.");
        }

        if (image.ContentType != declared)
        {
            return Refuse(id, $"The body is a {image.ContentType} image but Content-Type says {declared}.");
        }

        if (image.Check() is { } wrongSize)
        {
            return Refuse(id, wrongSize);
        }

        // Claim the change on the show first: of two concurrent uploads only one rewrites the document, the other is a 412
        // and writes nothing.
        if (await shows.ReplaceAsync(current.Show with { UpdatedAt = time.GetUtcNow() }, current.ETag, cancellationToken) is not { } saved)
        {
            return Stale(id);
        }

        await artwork.WriteAsync(id, image, bytes, cancellationToken);
        Logs.ShowArtworkUploaded(logger, id, image.ContentType, image.Width, image.Height, bytes.Length);
        request.HttpContext.Response.Headers.ETag = saved.ETag;
        return Results.Json(ShowResponse.Of(saved.Show, EpisodeApi.BaseUrl(request)), PodcastJson.Compact);
    }

    /// <summary>GET/HEAD: the uploaded artwork with its content type and a strong ETag of its bytes (304 to a match); 404 when there is none.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (!ShowValidator.IsId(id) || await artwork.ReadAsync(id, cancellationToken) is not { } stored)
        {
            return ApiProblems.NotFound($"Show '{(ShowValidator.IsId(id) ? id : "(malformed id)")}' has no uploaded artwork.");
        }

        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(stored.Bytes).AsSpan(0, 16)) + "\"");
        return Results.Bytes(stored.Bytes, stored.ContentType, entityTag: etag);
    }

    // The body, at most ArtworkImage.MaxBytes: a larger Content-Length is refused before reading, a chunked body while
    // reading (both 413, which the hosts answer as a problem).
    static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ArtworkImage.MaxBytes)
        {
            throw CappedReadStream.TooLarge(ArtworkImage.MaxBytes);
        }

        using var buffer = new MemoryStream();
        await new CappedReadStream(request.Body, ArtworkImage.MaxBytes).CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    static string? DeclaredType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type) && type.MediaType.Value?.ToLowerInvariant() is { } media
        && media is ArtworkImage.Png or ArtworkImage.Jpeg ? media : null;

    IResult Refuse(string id, string message)
    {
        Logs.ShowArtworkRefused(logger, id, message);
        return ApiProblems.Validation(Field, message);
    }

    static IResult Stale(string id) => ApiProblems.PreconditionFailed($"Show '{id}' has changed: GET it again and send its ETag in If-Match.");
}
