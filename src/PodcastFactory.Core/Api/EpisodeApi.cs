using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The episode endpoints, shared by the Functions app and <c>podcast serve</c>: each method reads the request and
/// returns the result to write, so a host only maps routes to methods. Errors are RFC 7807 problem details.
/// </summary>
public sealed class EpisodeApi(DurableTaskClient client, EpisodeStarter starter, EpisodeStatusReader reader, IArtifactStore store, ScriptEditor editor, ILogger<EpisodeApi> logger)
{
    /// <summary>The Content-Security-Policy of every artifact response: no script, no requests, a sandboxed origin.</summary>
    public const string ArtifactContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; media-src 'self'; sandbox";

    /// <summary><c>POST /api/episodes</c>: 202 + Location for a new episode, 200 + Location when the id already existed, 400 for bad input.</summary>
    public async Task<IResult> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (CreateEpisodeRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<CreateEpisodeRequest>(request, cancellationToken);
        if (body is null)
        {
            return Refuse(errors);
        }

        if (body.ValidateForHttp() is { Count: > 0 } httpErrors)
        {
            return Refuse(httpErrors);
        }

        StartedEpisode started;
        try
        {
            started = await starter.StartAsync(body.ToEpisodeRequest(), body.Id, cancellationToken, new StartOptions(body.CallbackUrl, body.QuoteId, body.Overrides()));
        }
        catch (RequestValidationException ex)
        {
            return Refuse(ex.Errors);
        }
        catch (EpisodeConflictException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }

        string statusUrl = BaseUrl(request) + ApiRoutes.EpisodePath(started.EpisodeId);
        var response = new StartEpisodeResponse(started.EpisodeId, started.Created, statusUrl, started.CallbackSecret,
            started.CallbackSecret is null ? null : Workflow.Webhooks.WebhookSubscription.CallbackId(started.EpisodeId));
        request.HttpContext.Response.Headers.Location = statusUrl;
        return Results.Json(response, PodcastJson.Compact, statusCode: started.Created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    /// <summary><c>GET /api/episodes/{id}</c>: stage, percent, runtime status, cost, warnings, error and artifact links.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        OrchestrationMetadata? metadata = await FindAsync(id, cancellationToken);
        if (metadata is null)
        {
            // An episode another runner (podcast produce) wrote into this store: its manifest is its status.
            return EpisodeIds.IsValid(id) && await reader.ReadStoredAsync(id, BaseUrl(request), withArtifacts: true, cancellationToken) is { } stored
                ? Results.Json(stored, PodcastJson.Compact)
                : ApiProblems.UnknownEpisode(id);
        }

        EpisodeStatusResponse status = await reader.ReadAsync(metadata, BaseUrl(request), withArtifacts: true, cancellationToken);
        if (await editor.LatestRevoiceAsync(id, cancellationToken) is { } revoice)
        {
            // After re-voices the cost is the first production's plus every re-voice's, as the manifest sums it.
            status = status with { Revoice = revoice, CostUsd = await editor.TotalCostAsync(id, cancellationToken) ?? status.CostUsd };
        }

        return Results.Json(status, PodcastJson.Compact);
    }

    /// <summary><c>GET /api/episodes?status=running,completed&amp;pageSize=20&amp;continuationToken=...</c>: one page of episodes.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        (EpisodeListQuery? query, IReadOnlyList<ValidationError> errors) = EpisodeListQuery.Parse(request.Query);
        if (query is null)
        {
            return ApiProblems.Validation(errors);
        }

        var filter = new OrchestrationQuery
        {
            Statuses = query.Statuses,
            PageSize = query.PageSize,
            ContinuationToken = query.ContinuationToken,
            FetchInputsAndOutputs = true,
        };
        string baseUrl = BaseUrl(request);
        try
        {
            Page<OrchestrationMetadata>? page;
            try
            {
                page = await FirstPageAsync(filter, query, cancellationToken);
            }
            catch (Exception ex) when (query.ContinuationToken is not null && IsTokenRefusal(ex) && !cancellationToken.IsCancellationRequested)
            {
                // The token is opaque and backend-specific: one the backend cannot read is the caller's error, not a 500.
                Logs.ContinuationTokenRefused(logger, ex.GetType().Name);
                return ApiProblems.Validation(EpisodeListQuery.ContinuationTokenParameter, "The continuation token is not one this server issued; pass back the continuationToken of a previous page unchanged.");
            }

            return Results.Json(await ReadPageAsync(page, query, baseUrl, cancellationToken), PodcastJson.Compact);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The task hub or the artifact store failed (down, throttled, unreachable): the request was fine, so not a
            // 400; a 503 with Retry-After tells the caller to ask again. The log keeps the exception with its stack.
            Logs.EpisodeListUnavailable(logger, ex, ex.GetType().Name);
            return ApiProblems.Unavailable("The episode list could not be read from the backend (task hub or artifact store); try again shortly.");
        }
    }

    async Task<EpisodeListResponse> ReadPageAsync(Page<OrchestrationMetadata>? page, EpisodeListQuery query, string baseUrl, CancellationToken cancellationToken)
    {
        if (page is null)
        {
            return new EpisodeListResponse([], null);
        }

        var items = new List<EpisodeStatusResponse>();
        // The audio sub-orchestrations ("{id}-audio") share the task hub; the list shows episodes only.
        foreach (OrchestrationMetadata metadata in page.Values.Where(m => m.Name == nameof(EpisodeOrchestrator)))
        {
            items.Add(await reader.ReadAsync(metadata, baseUrl, withArtifacts: false, cancellationToken));
        }

        if (query.ContinuationToken is null)
        {
            await AddStoredOnlyAsync(items, query, baseUrl, cancellationToken);
        }

        return new EpisodeListResponse(items, ContinuationTokens.Wrap(page.ContinuationToken));
    }

    // What a backend throws when it cannot parse a continuation token (the in-memory one throws FormatException);
    // anything else (a storage or network failure) is the backend's problem, never the caller's.
    static bool IsTokenRefusal(Exception ex) => ex is FormatException or ArgumentException or System.Text.Json.JsonException or InvalidDataException;

    /// <summary>
    /// <c>GET|HEAD /api/episodes/{id}/artifacts/{name}</c>: streams one of that episode's artifacts, nothing outside it;
    /// <c>Range: bytes=a-b</c> (also <c>a-</c> and <c>-n</c>) answers 206 with Content-Range, an unsatisfiable range 416.
    /// </summary>
    public async Task<IResult> GetArtifactAsync(HttpRequest request, string id, string? name, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (!EpisodeIds.IsValid(id))
        {
            return ApiProblems.UnknownEpisode(id);
        }

        string full = id + "/" + (name ?? "");
        // Hidden names (".x.meta" sidecars, temp files) are store internals, not artifacts.
        if (!ArtifactNames.BelongsTo(id, full) || full.Split('/').Any(segment => segment.StartsWith('.')))
        {
            return ApiProblems.Validation(ApiRoutes.NameParameter, "The artifact name must be a path inside the episode folder (letters, digits, '-', '_', '.', '/'; no '..').");
        }

        if (await store.GetInfoAsync(full, cancellationToken) is not { } info)
        {
            return ApiProblems.NotFound($"Episode '{id}' has no artifact '{name}'.");
        }

        // Artifacts hold untrusted text (show-notes.html, captured pages) on the dashboard's origin: opened directly, a
        // sandboxed document without script can never reach the page's session (its key) or the API.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = ArtifactContentSecurityPolicy;
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        Stream content = await store.OpenReadAsync(full, cancellationToken);
        // Range requests (206, 416) for players that seek; HEAD answers the headers only.
        return Results.Stream(content, info.ContentType, lastModified: info.LastModified, enableRangeProcessing: true);
    }

    /// <summary><c>POST /api/episodes/{id}/cancel</c>: terminates a running episode (and its audio); 409 once it has finished.</summary>
    public async Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        OrchestrationMetadata? metadata = await FindAsync(id, cancellationToken);
        if (metadata is null)
        {
            return ApiProblems.UnknownEpisode(id);
        }

        if (metadata.IsCompleted)
        {
            return ApiProblems.Conflict($"Episode '{id}' has already finished ({metadata.RuntimeStatus.ToString().ToLowerInvariant()}).");
        }

        await client.TerminateInstanceAsync(id, new TerminateInstanceOptions("cancelled through the API", Recursive: true), cancellationToken);
        return Results.Json(new StartEpisodeResponse(id, false, BaseUrl(request) + ApiRoutes.EpisodePath(id)), PodcastJson.Compact, statusCode: StatusCodes.Status202Accepted);
    }

    // The first page also lists the episodes only the store knows (produced by another runner into it), newest first.
    async Task AddStoredOnlyAsync(List<EpisodeStatusResponse> items, EpisodeListQuery query, string baseUrl, CancellationToken cancellationToken)
    {
        var stored = new List<EpisodeStatusResponse>();
        await foreach (string id in reader.StoredIdsAsync(cancellationToken))
        {
            if (items.Any(i => i.Id == id) || await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                continue;
            }

            if (await reader.ReadStoredAsync(id, baseUrl, withArtifacts: false, cancellationToken) is { } status
                && (query.Statuses.Count == 0 || query.Statuses.Contains(status.RuntimeStatus)))
            {
                stored.Add(status);
            }
        }

        items.AddRange(stored.OrderByDescending(s => s.LastUpdatedAt));
    }

    async Task<Page<OrchestrationMetadata>?> FirstPageAsync(OrchestrationQuery filter, EpisodeListQuery query, CancellationToken cancellationToken)
    {
        await foreach (Page<OrchestrationMetadata> page in client.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return page;
        }

        return null;
    }

    async Task<OrchestrationMetadata?> FindAsync(string id, CancellationToken cancellationToken) =>
        EpisodeIds.IsValid(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) : null;

    /// <summary>Scheme, host and path base of the request, e.g. <c>http://127.0.0.1:7071</c>.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    IResult Refuse(IReadOnlyList<ValidationError> errors)
    {
        ValidationError first = errors.Count > 0 ? errors[0] : new ValidationError("body", "invalid");
        Logs.RequestRefused(logger, errors.Count, first.Field, first.Message);
        return ApiProblems.Validation(errors);
    }
}
