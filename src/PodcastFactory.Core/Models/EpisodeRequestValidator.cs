namespace PodcastFactory.Core.Models;

/// <summary>Validates an <see cref="EpisodeRequest"/> before anything starts; every error names its field.</summary>
public static class EpisodeRequestValidator
{
    /// <summary>Limits a request must respect.</summary>
    public const int MinTopicLength = 3, MaxTopicLength = 200, MinMinutes = 1, MaxMinutes = 60, MaxRevisionsLimit = 5,
        MaxSources = 20, MaxPersonaCharacters = 300, MaxInstructionsCharacters = 2000, MaxEditions = 4;

    /// <summary>Returns every problem found; an empty list means the request is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(EpisodeRequest? request)
    {
        if (request is null)
        {
            return [new ValidationError("body", "A request body is required.")];
        }

        var errors = new List<ValidationError>();
        string topic = request.Topic?.Trim() ?? "";
        if (topic.Length is < MinTopicLength or > MaxTopicLength)
        {
            errors.Add(new("topic", $"Topic must be {MinTopicLength} to {MaxTopicLength} characters (got {topic.Length})."));
        }
        else if (!TextRules.IsSingleLine(topic))
        {
            errors.Add(new("topic", TextRules.SingleLineMessage("Topic")));
        }

        if (!Enum.IsDefined(request.Priority))
        {
            errors.Add(new("priority", "Priority must be one of audio, social, both."));
        }

        if (!Enum.IsDefined(request.Depth))
        {
            errors.Add(new("depth", "Research depth must be one of quick, standard, deep."));
        }

        if (request.TargetMinutes is < MinMinutes or > MaxMinutes)
        {
            errors.Add(new("targetMinutes", $"Target minutes must be {MinMinutes} to {MaxMinutes} (got {request.TargetMinutes})."));
        }

        EpisodeFormat? format = EpisodeFormats.Find(request.Format);
        if (format is null)
        {
            errors.Add(new("format", $"Format must be one of {EpisodeFormats.Names} (got '{Clip(request.Format)}')."));
        }
        else if (request.TargetMinutes <= MaxMinutes && format.LengthProblem(request.TargetMinutes) is { } tooLong)
        {
            errors.Add(new("targetMinutes", tooLong));
        }

        ValidateHosts(request.Hosts, errors);
        VoiceDirectionValidator.Validate(request, errors);
        if (format is not null && request.Hosts is { Count: >= CastRules.MinHosts and <= CastRules.MaxHosts } hosts
            && format.CastProblem(hosts.Count) is { } castProblem)
        {
            errors.Add(new("hosts", castProblem));
        }

        if (request.Instructions is { } instructions
            && (instructions.Length > MaxInstructionsCharacters || !TextRules.IsText(instructions)))
        {
            errors.Add(new("instructions", instructions.Length > MaxInstructionsCharacters
                ? $"Instructions must be at most {MaxInstructionsCharacters} characters (got {instructions.Length})."
                : TextRules.TextMessage("Instructions")));
        }

        ValidateSources(request.Sources, errors);

        if (string.IsNullOrWhiteSpace(request.Language) || request.Language.Length > 16
            || !request.Language.All(c => char.IsAsciiLetter(c) || c == '-'))
        {
            errors.Add(new("language", "Language must be a language code such as 'en' or 'en-GB'."));
        }

        if (EditionsProblem(request) is { } editions)
        {
            errors.Add(editions);
        }

        if (request.BudgetUsd is { } budget && budget <= 0)
        {
            errors.Add(new("budgetUsd", "Budget must be a positive amount in USD."));
        }

        if (request.MaxRevisions is < 0 or > MaxRevisionsLimit)
        {
            errors.Add(new("maxRevisions", $"Max revisions must be 0 to {MaxRevisionsLimit}."));
        }

        if (request.Show is not null && !ShowValidator.IsId(request.Show))
        {
            errors.Add(new("show", "Show must be a show id: 2-48 lower-case letters, digits and hyphens."));
        }

        if (request.ApprovalTimeoutHours is <= 0 or > 24 * 30)
        {
            errors.Add(new("approvalTimeoutHours", "Approval timeout must be more than 0 and at most 720 hours."));
        }

        return errors;
    }

    static void ValidateHosts(IReadOnlyList<HostVoice>? hosts, List<ValidationError> errors)
    {
        if (hosts is null || hosts.Count is < CastRules.MinHosts or > CastRules.MaxHosts)
        {
            errors.Add(new("hosts", $"A cast has {CastRules.MinHosts} to {CastRules.MaxHosts} hosts (got {hosts?.Count ?? 0})."));
            return;
        }

        for (int i = 0; i < hosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(hosts[i]?.Name) || hosts[i].Name.Length > 40)
            {
                errors.Add(new($"hosts[{i}].name", "Host name is required (at most 40 characters)."));
            }
            else if (!TextRules.IsSingleLine(hosts[i].Name))
            {
                errors.Add(new($"hosts[{i}].name", TextRules.SingleLineMessage("Host name")));
            }

            if (string.IsNullOrWhiteSpace(hosts[i]?.Voice) || hosts[i].Voice.Length > 64)
            {
                errors.Add(new($"hosts[{i}].voice", "Host voice is required (at most 64 characters)."));
            }
            else if (!TextRules.IsSingleLine(hosts[i].Voice))
            {
                errors.Add(new($"hosts[{i}].voice", TextRules.SingleLineMessage("Host voice")));
            }

            if (hosts[i]?.Persona is { } persona && (persona.Length > MaxPersonaCharacters || !TextRules.IsSingleLine(persona)))
            {
                errors.Add(new($"hosts[{i}].persona", $"Host persona must be one line of at most {MaxPersonaCharacters} characters."));
            }
        }

        // Names are the script's speaker labels, so two hosts of one name could not be told apart.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < hosts.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(hosts[i]?.Name) && !seen.Add(hosts[i].Name.Trim()))
            {
                errors.Add(new($"hosts[{i}].name", $"Hosts must have different names ('{hosts[i].Name.Trim()}' is given twice)."));
            }
        }
    }

    // An unknown value is echoed back only in part: the answer stays small whatever was sent.
    static string Clip(string? value)
    {
        string shown = new((value ?? "").Where(c => !char.IsControl(c)).Take(40).ToArray());
        return (value?.Length ?? 0) > 40 ? shown + "..." : shown;
    }

    static void ValidateSources(IReadOnlyList<SourceInput>? sources, List<ValidationError> errors)
    {
        if (sources is null)
        {
            return;
        }

        if (sources.Count > MaxSources)
        {
            errors.Add(new("sources", $"At most {MaxSources} sources are allowed."));
        }

        for (int i = 0; i < sources.Count; i++)
        {
            SourceInput? source = sources[i];
            if (source is null || string.IsNullOrWhiteSpace(source.Value))
            {
                errors.Add(new($"sources[{i}]", "Source value is required."));
            }
            else if (!Enum.IsDefined(source.Kind))
            {
                errors.Add(new($"sources[{i}].kind", "Source kind must be text, file or url."));
            }
            else if (source.Kind == SourceKind.Url
                && (!Uri.TryCreate(source.Value, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")))
            {
                errors.Add(new($"sources[{i}].value", "A URL source must be an absolute http or https URL."));
            }
            else if (source.Kind == SourceKind.Text ? !TextRules.IsText(source.Value) : !TextRules.IsSingleLine(source.Value))
            {
                errors.Add(new($"sources[{i}].value", source.Kind == SourceKind.Text
                    ? TextRules.TextMessage("Source text")
                    : TextRules.SingleLineMessage("A file path or URL")));
            }

            if (source is not null && !TextRules.IsSingleLine(source.Name))
            {
                errors.Add(new($"sources[{i}].name", TextRules.SingleLineMessage("Source name")));
            }
        }
    }

    /// <summary>
    /// The shape of <see cref="EpisodeRequest.Editions"/>: bounded, each a language code, none repeated, none the
    /// episode's own language (compared by primary subtag: <c>es</c> and <c>es-MX</c> are one offline pack).
    /// </summary>
    static ValidationError? EditionsProblem(EpisodeRequest request)
    {
        if (request.Editions is not { } editions)
        {
            return null;
        }

        if (editions.Count > MaxEditions)
        {
            return new("editions", $"At most {MaxEditions} editions (got {editions.Count}).");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string? edition in editions)
        {
            if (string.IsNullOrWhiteSpace(edition) || edition.Length > 16 || !edition.All(c => char.IsAsciiLetter(c) || c == '-'))
            {
                return new("editions", "Each edition must be a language code such as 'es' or 'fr-CA'.");
            }

            if (!seen.Add(Primary(edition)))
            {
                return new("editions", $"Edition '{edition}' is named twice.");
            }

            if (string.Equals(Primary(edition), Primary(request.Language ?? ""), StringComparison.OrdinalIgnoreCase))
            {
                return new("editions", $"Edition '{edition}' is the episode's own language ('{request.Language}').");
            }
        }

        return null;
    }

    static string Primary(string code) => Languages.LanguagePacks.Primary(code);
}
