using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>GET/PUT /api/episodes/{id}/script</c> and <c>POST /api/episodes/{id}/revoice</c>, shared by both hosts: read the
/// script with its ETag, replace it (If-Match required: 428 without, 412 when stale), and re-voice the newest edit.
/// </summary>
public sealed class ScriptApi(ScriptEditor editor, ISpeechSynthesizer speech)
{
    /// <summary>Largest re-voice body accepted (it has no fields yet).</summary>
    public const int MaxRevoiceBodyBytes = 4096;

    /// <summary><c>GET /api/episodes/{id}/script</c>: 200 with the current revision and its ETag; 404 for an unknown episode or one with no script yet.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (_, ScriptEdit? current, IResult? missing) = await CurrentAsync(id, cancellationToken);
        return missing ?? Document(request, id, current!);
    }

    /// <summary>
    /// <c>PUT /api/episodes/{id}/script</c> with <c>If-Match</c>: saves the next revision and returns it (200, new ETag).
    /// 428 without If-Match, 412 when it is stale or weak (<c>W/"..."</c>: If-Match compares strongly), 409 while the episode is still running, 400 for an invalid body.
    /// </summary>
    public async Task<IResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (EditableEpisode? episode, ScriptEdit? current, IResult? missing) = await CurrentAsync(id, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        if (!episode!.Finished)
        {
            return ApiProblems.Conflict($"Episode '{id}' is {episode.Metadata.RuntimeStatus.ToString().ToLowerInvariant()}: its script can be edited once it has finished.");
        }

        string? ifMatch = request.Headers[HeaderNames.IfMatch];
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiProblems.PreconditionRequired($"Send If-Match with the ETag of the script you edited (GET /api/episodes/{id}/script); the current revision is {current!.Revision}.");
        }

        if (!EntityTags.IfMatch(ifMatch, ScriptEditor.ETag(current!)))
        {
            return Stale(id, current!.Revision);
        }

        (ScriptEditRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<ScriptEditRequest>(request, cancellationToken);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        if (body.Revision is { } read && read != current!.Revision)
        {
            // If-Match "*" lets any body through: one read from another revision would silently undo an edit.
            return Stale(id, current.Revision);
        }

        if (ScriptEditValidator.ValidateReadOnly(body, id, current!.Hosts).Concat(ScriptEditValidator.Validate(body, current.Hosts)).ToList() is { Count: > 0 } invalid)
        {
            return ApiProblems.Validation(invalid);
        }

        (IReadOnlyList<ScriptTurn> turns, IReadOnlyList<HostVoice> hosts) = ScriptEditValidator.Apply(body, current.Hosts);
        if (await UnknownVoicesAsync(body, hosts, episode.Input.Request.Language, cancellationToken) is { Count: > 0 } unknown)
        {
            return ApiProblems.Validation(unknown);
        }

        ScriptEdit? saved = await editor.TrySaveAsync(id, current, body.Title?.Trim() ?? current.Title, turns, hosts, cancellationToken, body.Lexicon);
        return saved is null ? Stale(id, current.Revision + 1) : Document(request, id, saved);
    }

    /// <summary>
    /// <c>POST /api/episodes/{id}/revoice</c> (empty body or <c>{}</c>): 202 + Location when the re-voice of the newest
    /// edit starts, 200 with the same body when it was already started; 409 while the episode or an older re-voice runs.
    /// </summary>
    public async Task<IResult> RevoiceAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        if (await EmptyOrObjectAsync(request, cancellationToken) is { } badBody)
        {
            return badBody;
        }

        EditableEpisode? episode = EpisodeIds.IsValid(id) ? await editor.FindAsync(id, cancellationToken) : null;
        if (episode is null)
        {
            return ApiProblems.UnknownEpisode(id);
        }

        if (!episode.Finished)
        {
            return ApiProblems.Conflict($"Episode '{id}' is {episode.Metadata.RuntimeStatus.ToString().ToLowerInvariant()}: it can be re-voiced once it has finished.");
        }

        RevoiceStart start = await editor.StartRevoiceAsync(episode, cancellationToken);
        if (start.Conflict is not null)
        {
            return ApiProblems.Conflict(start.Conflict);
        }

        string statusUrl = EpisodeApi.BaseUrl(request) + ApiRoutes.EpisodePath(id);
        request.HttpContext.Response.Headers.Location = statusUrl;
        return Results.Json(new RevoiceResponse(id, start.Revision, statusUrl), PodcastJson.Compact,
            statusCode: start.Created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    async Task<(EditableEpisode? Episode, ScriptEdit? Current, IResult? Missing)> CurrentAsync(string id, CancellationToken cancellationToken)
    {
        EditableEpisode? episode = EpisodeIds.IsValid(id) ? await editor.FindAsync(id, cancellationToken) : null;
        if (episode is null)
        {
            return (null, null, ApiProblems.UnknownEpisode(id));
        }

        ScriptEdit? current = await editor.ReadAsync(id, episode.Input.Request.Hosts, cancellationToken, episode.Input.Request.Lexicon);
        return current is null
            ? (episode, null, ApiProblems.NotFound($"Episode '{id}' has no script yet."))
            : (episode, current, null);
    }

    // A changed voice the provider cannot speak would fail the re-voice at its first segment: refused here instead.
    async Task<List<ValidationError>> UnknownVoicesAsync(ScriptEditRequest body, IReadOnlyList<HostVoice> hosts, string language, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        foreach ((string name, string _) in body.Voices ?? new Dictionary<string, string>())
        {
            HostVoice host = ScriptEditValidator.HostNamed(hosts, name)!;
            if (await speech.CheckVoiceAsync(host.Voice, language, cancellationToken) is { } problem)
            {
                errors.Add(new($"voices.{name}", problem));
            }
        }

        return errors;
    }

    // The re-voice body is optional: nothing (or only whitespace) is accepted like {}, anything else is read strictly.
    static async Task<IResult?> EmptyOrObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        var buffer = new MemoryStream();
        request.HttpContext.Response.RegisterForDispose(buffer);
        await new CappedReadStream(request.Body, MaxRevoiceBodyBytes).CopyToAsync(buffer, cancellationToken);
        if (buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return null;
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        (RevoiceRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<RevoiceRequest>(request, cancellationToken);
        return body is null ? ApiProblems.Validation(errors) : null;
    }

    static IResult Document(HttpRequest request, string id, ScriptEdit edit)
    {
        request.HttpContext.Response.Headers.ETag = ScriptEditor.ETag(edit);
        return Results.Json(ScriptDocument.Of(id, edit), PodcastJson.Compact);
    }

    static IResult Stale(string id, int revision) => ApiProblems.PreconditionFailed(
        $"The script of episode '{id}' has changed: the current revision is {revision}. GET it again, reapply your edit and send its ETag.");
}
