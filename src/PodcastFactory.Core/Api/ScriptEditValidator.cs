using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The rules of a script edit: one to <see cref="MaxTurns"/> turns, each spoken by one of the episode's hosts with
/// non-empty text of at most <see cref="MaxTurnCharacters"/> characters (at most <see cref="MaxTotalCharacters"/> in all),
/// single-line titles and chapters, claim indexes in range, and voices only for the episode's hosts.
/// </summary>
public static class ScriptEditValidator
{
    /// <summary>Most turns in one script.</summary>
    public const int MaxTurns = 400;

    /// <summary>Longest turn.</summary>
    public const int MaxTurnCharacters = 4000;

    /// <summary>Longest script (about 60 minutes of speech and some).</summary>
    public const int MaxTotalCharacters = 120_000;

    /// <summary>Longest title or chapter title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Most claims on one turn, and the highest claim index.</summary>
    public const int MaxClaims = 50, MaxClaimIndex = 9999;

    /// <summary>Longest voice identifier.</summary>
    public const int MaxVoiceLength = 64;

    /// <summary>Every problem with <paramref name="body"/> for an episode with <paramref name="hosts"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(ScriptEditRequest body, IReadOnlyList<HostVoice> hosts)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(hosts);
        var errors = new List<ValidationError>();
        if (body.Title is { } title && (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength || !TextRules.IsSingleLine(title)))
        {
            errors.Add(new("title", $"The title must be 1 to {MaxTitleLength} characters on one line."));
        }

        if (body.Turns is not { Count: > 0 } turns)
        {
            errors.Add(new("turns", "turns is required: at least one turn."));
        }
        else if (turns.Count > MaxTurns)
        {
            errors.Add(new("turns", $"A script has at most {MaxTurns} turns; this one has {turns.Count}."));
        }
        else
        {
            for (int i = 0; i < turns.Count; i++)
            {
                ValidateTurn(turns[i], $"turns[{i}]", hosts, errors);
            }

            long total = turns.Sum(t => (long)(t?.Text?.Length ?? 0));
            if (total > MaxTotalCharacters)
            {
                errors.Add(new("turns", $"The script is {total} characters; at most {MaxTotalCharacters} are accepted."));
            }
        }

        foreach ((string name, string voice) in body.Voices ?? new Dictionary<string, string>())
        {
            if (HostNamed(hosts, name) is null)
            {
                errors.Add(new($"voices.{name}", $"'{name}' is not a host of this episode ({string.Join(", ", hosts.Select(h => h.Name))})."));
            }
            else if (string.IsNullOrWhiteSpace(voice) || voice.Length > MaxVoiceLength || !TextRules.IsSingleLine(voice))
            {
                errors.Add(new($"voices.{name}", $"A voice is 1 to {MaxVoiceLength} characters on one line, e.g. flite:slt."));
            }
        }

        VoiceDirectionValidator.ValidateLexicon(body.Lexicon, "lexicon", errors);
        return errors;
    }

    /// <summary>
    /// The read-only fields a GET body carries, checked when they are sent back: the episode id and the host names
    /// must be the episode's (a mismatch means the body belongs elsewhere); each turn's index must be a position (0 or more).
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateReadOnly(ScriptEditRequest body, string episodeId, IReadOnlyList<HostVoice> hosts)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(hosts);
        var errors = new List<ValidationError>();
        if (body.EpisodeId is { } sent && sent != episodeId)
        {
            errors.Add(new("episodeId", $"episodeId is read-only: this script belongs to episode '{episodeId}', not '{sent}'. Leave it out or send it unchanged."));
        }

        if (body.Hosts is { } names && !names.SequenceEqual(hosts.Select(h => h.Name), StringComparer.Ordinal))
        {
            errors.Add(new("hosts", $"hosts is read-only: the episode's hosts are {string.Join(", ", hosts.Select(h => h.Name))}. Change a host's voice with voices; leave hosts out or send it unchanged."));
        }

        for (int i = 0; i < (body.Turns?.Count ?? 0); i++)
        {
            if (body.Turns![i]?.Index is < 0)
            {
                errors.Add(new($"turns[{i}].index", "index is read-only (a turn's position is its index); when sent it is 0 or more."));
            }
        }

        return errors;
    }

    /// <summary>The host named <paramref name="name"/> (ignoring case and surrounding spaces), or null.</summary>
    public static HostVoice? HostNamed(IReadOnlyList<HostVoice> hosts, string? name) =>
        hosts.FirstOrDefault(h => string.Equals(h.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The edited script's turns (speaker names as the hosts spell them) and hosts (with changed voices); call after <see cref="Validate"/>.</summary>
    public static (IReadOnlyList<ScriptTurn> Turns, IReadOnlyList<HostVoice> Hosts) Apply(ScriptEditRequest body, IReadOnlyList<HostVoice> hosts)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(hosts);
        List<ScriptTurn> turns = body.Turns!.Select(t => new ScriptTurn(
            HostNamed(hosts, t.Speaker)!.Name, t.Text!.Trim(), t.Claims?.ToList() ?? [], string.IsNullOrWhiteSpace(t.Chapter) ? null : t.Chapter.Trim())).ToList();
        List<HostVoice> voiced = hosts.Select(h => body.Voices?.FirstOrDefault(v => HostNamed([h], v.Key) is not null) is { Key: not null } changed
            ? h with { Voice = changed.Value.Trim() }
            : h).ToList();
        return (turns, voiced);
    }

    static void ValidateTurn(ScriptEditTurn? turn, string field, IReadOnlyList<HostVoice> hosts, List<ValidationError> errors)
    {
        if (turn is null)
        {
            errors.Add(new(field, "A turn is an object with speaker and text."));
            return;
        }

        if (HostNamed(hosts, turn.Speaker) is null)
        {
            errors.Add(new(field + ".speaker", $"The speaker must be one of the episode's hosts ({string.Join(", ", hosts.Select(h => h.Name))})."));
        }

        if (string.IsNullOrWhiteSpace(turn.Text))
        {
            errors.Add(new(field + ".text", "The text is required and must not be empty."));
        }
        else if (turn.Text.Length > MaxTurnCharacters)
        {
            errors.Add(new(field + ".text", $"A turn is at most {MaxTurnCharacters} characters; this one has {turn.Text.Length}."));
        }
        else if (!TextRules.IsText(turn.Text))
        {
            errors.Add(new(field + ".text", "The text must not contain control characters other than tabs and line breaks."));
        }

        if (turn.Chapter is { } chapter && (chapter.Length > MaxTitleLength || !TextRules.IsSingleLine(chapter)))
        {
            errors.Add(new(field + ".chapter", $"A chapter title is at most {MaxTitleLength} characters on one line."));
        }

        if (turn.Claims is { } claims && (claims.Count > MaxClaims || claims.Any(c => c is < 0 or > MaxClaimIndex)))
        {
            errors.Add(new(field + ".claims", $"At most {MaxClaims} claim indexes, each 0 to {MaxClaimIndex}."));
        }
    }
}
