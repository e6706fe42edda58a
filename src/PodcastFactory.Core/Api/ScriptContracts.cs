using System.Text.Json.Serialization;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Api;

/// <summary>Body of <c>GET/PUT /api/episodes/{id}/script</c> (200), sent with its <c>ETag</c>.</summary>
/// <param name="EpisodeId">The episode.</param>
/// <param name="Revision">Edit revision: 0 as produced by the pipeline, 1.. after each PUT.</param>
/// <param name="Title">Episode title.</param>
/// <param name="Hosts">The cast's host names (1-4), in the episode's order.</param>
/// <param name="Voices">Voice per host name.</param>
/// <param name="Turns">The dialogue.</param>
/// <param name="Lexicon">The pronunciations the revision is voiced with (empty when none).</param>
public sealed record ScriptDocument(
    string EpisodeId,
    int Revision,
    string Title,
    IReadOnlyList<string> Hosts,
    IReadOnlyDictionary<string, string> Voices,
    IReadOnlyList<ScriptDocumentTurn> Turns,
    IReadOnlyList<LexiconEntry> Lexicon)
{
    /// <summary>The document of one stored revision.</summary>
    public static ScriptDocument Of(string episodeId, ScriptEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return new ScriptDocument(
            episodeId,
            edit.Revision,
            edit.Title,
            edit.Hosts.Select(h => h.Name).ToList(),
            edit.Hosts.ToDictionary(h => h.Name, h => h.Voice, StringComparer.Ordinal),
            edit.Turns.Select((t, i) => new ScriptDocumentTurn(i, t.Speaker, t.Text, t.Chapter, t.Claims ?? [])).ToList(),
            edit.Lexicon ?? []);
    }
}

/// <summary>One turn of <see cref="ScriptDocument"/>.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="Speaker">Host name.</param>
/// <param name="Text">What the host says.</param>
/// <param name="Chapter">Chapter title starting at this turn, or null (always written).</param>
/// <param name="Claims">Indexes into the research notes this turn states.</param>
public sealed record ScriptDocumentTurn(
    int Index,
    string Speaker,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Chapter,
    IReadOnlyList<int> Claims);

/// <summary>
/// Body of <c>PUT /api/episodes/{id}/script</c>: the whole new script; <c>title</c> and <c>voices</c> default to the
/// current ones. The body of the GET can be sent back as it is: its read-only fields (<c>episodeId</c>, <c>revision</c>,
/// <c>hosts</c>, each turn's <c>index</c>) are accepted and checked against the episode, never applied.
/// </summary>
public sealed record ScriptEditRequest
{
    /// <summary>Read-only: when sent, must be the episode of the URL.</summary>
    public string? EpisodeId { get; init; }

    /// <summary>Read-only: when sent, must be the revision being edited (a body read from another revision is stale: 412).</summary>
    public int? Revision { get; init; }

    /// <summary>Read-only: when sent, must be the episode's host names in order (change voices with <see cref="Voices"/>).</summary>
    public IReadOnlyList<string>? Hosts { get; init; }

    /// <summary>New title (optional).</summary>
    public string? Title { get; init; }

    /// <summary>Every turn, in order (required).</summary>
    public IReadOnlyList<ScriptEditTurn>? Turns { get; init; }

    /// <summary>Voice per host name, for the hosts whose voice changes (optional).</summary>
    public IReadOnlyDictionary<string, string>? Voices { get; init; }

    /// <summary>The whole new lexicon (optional: absent keeps the current one, <c>[]</c> clears it); a re-voice says again only the segments whose entries changed.</summary>
    public IReadOnlyList<LexiconEntry>? Lexicon { get; init; }
}

/// <summary>One turn of <see cref="ScriptEditRequest"/>.</summary>
public sealed record ScriptEditTurn
{
    /// <summary>Read-only and ignored: a turn's position in <c>turns</c> is its index (deleting or moving turns needs no renumbering).</summary>
    public int? Index { get; init; }

    /// <summary>One of the episode's hosts (required).</summary>
    public string? Speaker { get; init; }

    /// <summary>What the host says (required, not empty).</summary>
    public string? Text { get; init; }

    /// <summary>Chapter title starting here (optional).</summary>
    public string? Chapter { get; init; }

    /// <summary>Research note indexes this turn states (optional).</summary>
    public IReadOnlyList<int>? Claims { get; init; }
}

/// <summary>Body of <c>POST /api/episodes/{id}/revoice</c> (202 when started, 200 when that revision's re-voice already was).</summary>
/// <param name="EpisodeId">The episode.</param>
/// <param name="Revision">The edit revision being voiced.</param>
/// <param name="StatusUrl">Absolute URL of the episode's status (its <c>revoice</c> object tracks this run; also the Location header).</param>
public sealed record RevoiceResponse(string EpisodeId, int Revision, string StatusUrl);

/// <summary>Body of <c>POST /api/episodes/{id}/revoice</c>: empty or <c>{}</c>; no fields yet.</summary>
public sealed record RevoiceRequest;
