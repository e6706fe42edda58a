using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>POST/GET /api/shows</c>, <c>GET/PUT/DELETE /api/shows/{id}</c> and <c>GET /api/shows/{id}/feed.xml</c>, shared by
/// both hosts. A show's document carries an ETag; a PUT must send it (If-Match: 428 without, 412 when stale), so an edit
/// never overwrites one it has not seen. DELETE leaves a tombstone (the feed stays readable); <c>?purge=true</c> removes
/// the show and its feed. Errors are RFC 7807 problems naming the field.
/// </summary>
public sealed class ShowApi(ShowStore store, ShowRules rules, ShowFeeds feeds, ShowArtworkStore artwork, FeedAddress address, TimeProvider time, ILogger<ShowApi> logger)
{
    /// <summary>The query parameter that lists deleted shows too (<c>GET /api/shows?deleted=true</c>).</summary>
    public const string DeletedParameter = "deleted";

    /// <summary>The query parameter that removes a show for good (<c>DELETE /api/shows/{id}?purge=true</c>).</summary>
    public const string PurgeParameter = "purge";

    /// <summary>POST: 201 with the show, its ETag and Location; 400 for a bad body; 409 when the id is taken or at <see cref="ShowStore.MaxShows"/>.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (ShowBody? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<ShowBody>(request, cancellationToken);
        if (body is null)
        {
            return Refuse(errors);
        }

        DateTimeOffset now = time.GetUtcNow();
        Show show = body.ToShow(body.Id ?? "", now, now);
        if (await rules.ValidateAsync(show, cancellationToken) is { Count: > 0 } invalid)
        {
            return Refuse(invalid);
        }

        if ((await store.IdsAsync(cancellationToken)).Count >= ShowStore.MaxShows)
        {
            return ApiProblems.Conflict($"The store holds {ShowStore.MaxShows} shows, the most it keeps; purge one first.");
        }

        if (await store.CreateAsync(show, cancellationToken) is not { } created)
        {
            return ApiProblems.Conflict($"Show '{show.Id}' exists already (a deleted show keeps its id until it is purged: DELETE /api/shows/{show.Id}?purge=true).");
        }

        Logs.ShowCreated(logger, show.Id, show.Hosts.Count);
        string baseUrl = EpisodeApi.BaseUrl(request);
        request.HttpContext.Response.Headers.Location = ShowResponse.Of(show, baseUrl).Url;
        return Document(request, created, StatusCodes.Status201Created);
    }

    /// <summary>GET: every show by id; deleted ones too with <c>?deleted=true</c>.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request, DeletedParameter) is { } badQuery)
        {
            return badQuery;
        }

        if (Flag(request, DeletedParameter) is not { } withDeleted)
        {
            return ApiProblems.Validation(DeletedParameter, "deleted is true or false.");
        }

        string baseUrl = EpisodeApi.BaseUrl(request);
        List<StoredShow> shows = await store.ListAsync(withDeleted, cancellationToken);
        return Results.Json(new ShowListResponse(shows.Select(s => ShowResponse.Of(s.Show, baseUrl)).ToList()), PodcastJson.Compact);
    }

    /// <summary>GET: one show (a deleted one too, marked <c>deleted</c>) with its ETag; 404 when there is none.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        return await store.FindAsync(id, cancellationToken) is { } found ? Document(request, found, StatusCodes.Status200OK) : Unknown(id);
    }

    /// <summary>PUT with If-Match: replaces the show (200, new ETag). 428 without If-Match, 412 when stale, 409 for a deleted show, 400 for a bad body.</summary>
    public async Task<IResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (await store.FindAsync(id, cancellationToken) is not { } current)
        {
            return Unknown(id);
        }

        if (current.Show.DeletedAt is not null)
        {
            return ApiProblems.Conflict($"Show '{id}' was deleted; purge it and create it again to reuse its id.");
        }

        string? ifMatch = request.Headers[HeaderNames.IfMatch];
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiProblems.PreconditionRequired($"Send If-Match with the ETag of the show you edited (GET /api/shows/{id}).");
        }

        if (!EntityTags.IfMatch(ifMatch, current.ETag))
        {
            return Stale(id);
        }

        (ShowBody? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<ShowBody>(request, cancellationToken);
        if (body is null)
        {
            return Refuse(errors);
        }

        if (body.Id is not null && body.Id != id)
        {
            return Refuse([new("id", $"The body names show '{body.Id}' but the URL names '{id}'; a show's id cannot change.")]);
        }

        Show show = body.ToShow(id, current.Show.CreatedAt, time.GetUtcNow());
        if (await rules.ValidateAsync(show, cancellationToken) is { Count: > 0 } invalid)
        {
            return Refuse(invalid);
        }

        // The write is conditional on the ETag read above: an edit that slipped in since is never overwritten.
        if (await store.ReplaceAsync(show, current.ETag, cancellationToken) is not { } saved)
        {
            return Stale(id);
        }

        Logs.ShowUpdated(logger, id);
        return Document(request, saved, StatusCodes.Status200OK);
    }

    /// <summary>
    /// DELETE: 204. Without <c>purge</c> the show is marked deleted (no new episodes; it and its feed stay readable);
    /// <c>?purge=true</c> removes its document and feed (episodes keep their artifacts). An If-Match, when sent, must match.
    /// </summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request, PurgeParameter) is { } badQuery)
        {
            return badQuery;
        }

        if (Flag(request, PurgeParameter) is not { } purge)
        {
            return ApiProblems.Validation(PurgeParameter, "purge is true or false.");
        }

        if (await store.FindAsync(id, cancellationToken) is not { } current)
        {
            return Unknown(id);
        }

        string? ifMatch = request.Headers[HeaderNames.IfMatch];
        if (!string.IsNullOrWhiteSpace(ifMatch) && !EntityTags.IfMatch(ifMatch, current.ETag))
        {
            return Stale(id);
        }

        if (purge)
        {
            await store.PurgeAsync(id, cancellationToken);
            Logs.ShowDeleted(logger, id, purged: true);
            return Results.NoContent();
        }

        if (current.Show.DeletedAt is null
            && await store.ReplaceAsync(current.Show with { DeletedAt = time.GetUtcNow() }, current.ETag, cancellationToken) is null)
        {
            return ApiProblems.Conflict($"Show '{id}' changed while it was being deleted; try again.");
        }

        Logs.ShowDeleted(logger, id, purged: false);
        return Results.NoContent();
    }

    /// <summary>GET/HEAD: the show's RSS feed (an empty channel before its first episode); a deleted show's too, until it is purged.</summary>
    public async Task<IResult> GetFeedAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (await store.FindAsync(id, cancellationToken) is not { } found)
        {
            return Unknown(id);
        }

        // An uploaded artwork wins over artworkUrl; its address is on the same base the feed's own links are.
        Uri apiBase = address.ForRequest(new Uri(EpisodeApi.BaseUrl(request) + "/" + ApiRoutes.Prefix));
        Uri? uploaded = await artwork.ExistsAsync(id, cancellationToken) ? FeedOptions.Combine(apiBase, ShowFeeds.ArtworkPath(id)) : null;
        ShowChannel channel = feeds.For(found.Show, uploaded);
        return FeedApi.Serve(request, address, channel.Options, await channel.Store.ReadAsync(cancellationToken), channel.FeedPath);
    }

    static IResult Document(HttpRequest request, StoredShow stored, int status)
    {
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return Results.Json(ShowResponse.Of(stored.Show, EpisodeApi.BaseUrl(request)), PodcastJson.Compact, statusCode: status);
    }

    // A query flag: absent is false; true or false (any case) otherwise; anything else is null (a 400).
    static bool? Flag(HttpRequest request, string name) => request.Query[name].ToString() switch
    {
        "" => false,
        var v when bool.TryParse(v, out bool b) => b,
        _ => null,
    };

    IResult Refuse(IReadOnlyList<ValidationError> errors)
    {
        Logs.RequestRefused(logger, errors.Count, errors.Count > 0 ? errors[0].Field : "body", errors.Count > 0 ? errors[0].Message : "invalid");
        return ApiProblems.Validation(errors);
    }

    static IResult Unknown(string id) => ApiProblems.NotFound($"There is no show '{(ShowValidator.IsId(id) ? id : "(malformed id)")}'.");

    static IResult Stale(string id) => ApiProblems.PreconditionFailed($"Show '{id}' has changed: GET it again, reapply your edit and send its ETag in If-Match.");
}
