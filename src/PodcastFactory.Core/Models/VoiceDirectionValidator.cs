namespace PodcastFactory.Core.Models;

/// <summary>
/// The rules of voice direction: each host's <c>style</c> (one line, at most <see cref="MaxStyleCharacters"/>) and a
/// pronunciation lexicon (at most <see cref="LexiconEntry.MaxEntries"/> entries, each a one-line written form of at most
/// <see cref="LexiconEntry.MaxTextCharacters"/> with a <c>say</c> or an <c>ipa</c> of at most
/// <see cref="LexiconEntry.MaxSayCharacters"/>, no written form twice). Shared by the episode request and the script edit,
/// and ready for a show's lexicon; every error names its field.
/// </summary>
public static class VoiceDirectionValidator
{
    /// <summary>Longest host style.</summary>
    public const int MaxStyleCharacters = 200;

    /// <summary>Adds the problems of <paramref name="request"/>'s host styles and lexicon to <paramref name="errors"/>.</summary>
    public static void Validate(EpisodeRequest request, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        for (int i = 0; i < (request.Hosts?.Count ?? 0); i++)
        {
            if (request.Hosts![i]?.Style is { } style && (style.Length > MaxStyleCharacters || !TextRules.IsSingleLine(style)))
            {
                errors.Add(new($"hosts[{i}].style", $"Host style must be one line of at most {MaxStyleCharacters} characters (got {style.Length})."));
            }
        }

        ValidateLexicon(request.Lexicon, "lexicon", errors);
    }

    /// <summary>Adds the problems of <paramref name="lexicon"/> (named <paramref name="field"/>) to <paramref name="errors"/>.</summary>
    public static void ValidateLexicon(IReadOnlyList<LexiconEntry>? lexicon, string field, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (lexicon is null)
        {
            return;
        }

        if (lexicon.Count > LexiconEntry.MaxEntries)
        {
            errors.Add(new(field, $"A lexicon has at most {LexiconEntry.MaxEntries} entries; this one has {lexicon.Count}."));
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lexicon.Count; i++)
        {
            LexiconEntry? entry = lexicon[i];
            string at = $"{field}[{i}]";
            if (entry is null || string.IsNullOrWhiteSpace(entry.Text) || entry.Text.Trim().Length > LexiconEntry.MaxTextCharacters
                || !TextRules.IsSingleLine(entry.Text) || entry.Text.IndexOfAny(['*', '[', ']']) >= 0)
            {
                errors.Add(new($"{at}.text", $"A lexicon entry's text is required: one line of at most {LexiconEntry.MaxTextCharacters} characters, without '*', '[' or ']'."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Say) && string.IsNullOrWhiteSpace(entry.Ipa))
            {
                errors.Add(new($"{at}.say", $"Lexicon entry '{entry.Text.Trim()}' needs a say (plain words) or an ipa."));
            }

            CheckSaying(entry.Say, $"{at}.say", errors);
            CheckSaying(entry.Ipa, $"{at}.ipa", errors);
            if (!seen.TryAdd(entry.Text.Trim(), i))
            {
                errors.Add(new($"{at}.text", $"'{entry.Text.Trim()}' is already in the lexicon (entry {seen[entry.Text.Trim()]})."));
            }
        }
    }

    static void CheckSaying(string? value, string field, List<ValidationError> errors)
    {
        if (value is not null && (value.Length > LexiconEntry.MaxSayCharacters || !TextRules.IsSingleLine(value) || value.IndexOfAny(['*', '[', ']']) >= 0))
        {
            errors.Add(new(field, $"{field[(field.LastIndexOf('.') + 1)..]} must be one line of at most {LexiconEntry.MaxSayCharacters} characters, without '*', '[' or ']'."));
        }
    }
}
