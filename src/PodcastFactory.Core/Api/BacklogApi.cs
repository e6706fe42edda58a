using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Scheduling;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Api;

/// <summary><c>GET/PUT /api/backlog</c>: read and replace the scheduler's topic backlog, with ETags for safe edits.</summary>
public sealed class BacklogApi(IBacklogStore store, ShowStore shows)
{
    /// <summary>GET: the backlog (empty when none is stored) with its ETag.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        BacklogSnapshot snapshot = await store.ReadAsync(cancellationToken);
        if (snapshot.ETag is not null)
        {
            request.HttpContext.Response.Headers.ETag = snapshot.ETag;
        }

        return Results.Json(snapshot.Backlog, PodcastJson.Compact);
    }

    /// <summary>
    /// PUT: replaces the backlog after validating every topic. With <c>If-Match</c> the write happens only if the
    /// stored backlog still has that ETag (412 otherwise); without it, a concurrent change yields 409.
    /// </summary>
    public async Task<IResult> PutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (Backlog? backlog, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<Backlog>(request, cancellationToken);
        if (backlog is null)
        {
            return ApiProblems.Validation(errors);
        }

        if (BacklogValidator.Validate(backlog) is { Count: > 0 } invalid)
        {
            return ApiProblems.Validation(invalid);
        }

        if (await UnknownShowsAsync(backlog, cancellationToken) is { Count: > 0 } unknown)
        {
            return ApiProblems.Validation(unknown);
        }

        string? ifMatch = request.Headers[HeaderNames.IfMatch];
        string? expected = string.IsNullOrEmpty(ifMatch) ? (await store.ReadAsync(cancellationToken)).ETag : ifMatch;
        string? etag = await store.TryWriteAsync(backlog, expected, cancellationToken);
        if (etag is null)
        {
            return string.IsNullOrEmpty(ifMatch)
                ? ApiProblems.Conflict("The backlog changed while it was being replaced; read it again and retry.")
                : ApiProblems.PreconditionFailed("The backlog no longer has the ETag given in If-Match; read it again and retry.");
        }

        request.HttpContext.Response.Headers.ETag = etag;
        return Results.Json(backlog, PodcastJson.Compact);
    }

    // A topic naming a show that does not exist (or was deleted) would fail when its slot comes: refused now instead.
    async Task<List<ValidationError>> UnknownShowsAsync(Backlog backlog, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (int i = 0; i < backlog.Topics.Count; i++)
        {
            if (backlog.Topics[i] is not { Show: { } show, Status: BacklogTopicStatus.Pending })
            {
                continue;
            }

            if (!known.TryGetValue(show, out bool live))
            {
                live = known[show] = await shows.FindAsync(show, cancellationToken) is { Show.DeletedAt: null };
            }

            if (!live)
            {
                errors.Add(new($"topics[{i}].show", $"There is no show '{show}' (or it was deleted)."));
            }
        }

        return errors;
    }
}
