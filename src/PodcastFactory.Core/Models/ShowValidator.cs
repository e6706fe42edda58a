using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Models;

/// <summary>
/// Checks a <see cref="Show"/>'s own fields; every error names its field in the JSON contract. What needs I/O (the
/// artwork URL's address, the voices the speech provider has) is checked by <c>Workflow/Shows/ShowRules</c>.
/// </summary>
public static partial class ShowValidator
{
    /// <summary>Allowed id shape: 2-48 lower-case letters, digits and hyphens, starting with a letter or digit.</summary>
    public const string IdPattern = "^[a-z0-9][a-z0-9-]{1,47}$";

    /// <summary>Limits a show must respect.</summary>
    public const int MaxTitle = 255, MaxDescription = 4000, MaxAuthor = 255, MaxEmail = 254, MaxUrl = 2048,
        MinHosts = 1, MaxHosts = 4, MaxInstructions = 2000, MaxHostName = 40, MaxVoice = 64;

    /// <summary>Apple Podcasts' top-level categories (what the feed's <c>itunes:category</c> accepts).</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "Arts", "Business", "Comedy", "Education", "Fiction", "Government", "Health & Fitness", "History", "Kids & Family",
        "Leisure", "Music", "News", "Religion & Spirituality", "Science", "Society & Culture", "Sports", "Technology",
        "True Crime", "TV & Film",
    ];

    /// <summary>True when <paramref name="id"/> has the shape of a show id.</summary>
    public static bool IsId(string? id) => id is not null && IdRegex().IsMatch(id);

    /// <summary>Every problem with <paramref name="show"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(Show show)
    {
        ArgumentNullException.ThrowIfNull(show);
        var errors = new List<ValidationError>();
        if (!IsId(show.Id))
        {
            errors.Add(new("id", "A show id is 2-48 lower-case letters, digits or hyphens, starting with a letter or digit."));
        }

        Line(errors, "title", show.Title, MaxTitle, required: true);
        if (show.Description is null || show.Description.Length > MaxDescription || !TextRules.IsText(show.Description))
        {
            errors.Add(new("description", $"Description is text of at most {MaxDescription} characters."));
        }

        Line(errors, "author", show.Author, MaxAuthor, required: true);
        if (show.Language is null || !LanguageRegex().IsMatch(show.Language))
        {
            errors.Add(new("language", "Language must be a language code such as 'en' or 'en-GB'."));
        }

        if (show.OwnerEmail is { } email && (email.Length > MaxEmail || !EmailRegex().IsMatch(email)))
        {
            errors.Add(new("ownerEmail", "Owner e-mail must be an e-mail address such as producer@example.com."));
        }

        if (show.ArtworkUrl is { } art && (art.Length > MaxUrl || !Uri.TryCreate(art, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(new("artworkUrl", $"Artwork URL must be an absolute http or https URL of at most {MaxUrl} characters."));
        }

        if (!Categories.Contains(show.Category, StringComparer.Ordinal))
        {
            errors.Add(new("category", $"Category must be one of Apple's: {string.Join(", ", Categories)}."));
        }

        ValidateHosts(show.Hosts, errors);
        VoiceDirectionValidator.ValidateLexicon(show.Lexicon, "lexicon", errors);
        if (EpisodeFormats.Find(show.DefaultFormat) is not { } format || format.Name != show.DefaultFormat)
        {
            errors.Add(new("defaultFormat", $"Default format must be one of {EpisodeFormats.Names}."));
        }
        else
        {
            // The show's own episodes must be valid requests: its cast and length have to fit its default format.
            if (show.Hosts is { Count: >= MinHosts and <= MaxHosts } cast && format.CastProblem(cast.Count) is { } castProblem)
            {
                errors.Add(new("hosts", castProblem));
            }

            if (show.DefaultMinutes <= EpisodeRequestValidator.MaxMinutes && format.LengthProblem(show.DefaultMinutes) is { } tooLong)
            {
                errors.Add(new("defaultMinutes", tooLong));
            }
        }

        if (show.DefaultMinutes is < EpisodeRequestValidator.MinMinutes or > EpisodeRequestValidator.MaxMinutes)
        {
            errors.Add(new("defaultMinutes", $"Default minutes must be {EpisodeRequestValidator.MinMinutes} to {EpisodeRequestValidator.MaxMinutes}."));
        }

        if (show.Instructions is { } instructions && (instructions.Length > MaxInstructions || !TextRules.IsText(instructions)))
        {
            errors.Add(new("instructions", $"Instructions are text of at most {MaxInstructions} characters."));
        }

        return errors;
    }

    static void ValidateHosts(IReadOnlyList<HostVoice>? hosts, List<ValidationError> errors)
    {
        if (hosts is null || hosts.Count is < MinHosts or > MaxHosts)
        {
            errors.Add(new("hosts", $"A show has {MinHosts} to {MaxHosts} hosts."));
            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < hosts.Count; i++)
        {
            if (hosts[i] is not { } host)
            {
                errors.Add(new($"hosts[{i}]", "A host needs a name and a voice."));
                continue;
            }

            Line(errors, $"hosts[{i}].name", host.Name, MaxHostName, required: true);
            Line(errors, $"hosts[{i}].voice", host.Voice, MaxVoice, required: true);
            Line(errors, $"hosts[{i}].persona", host.Persona, EpisodeRequestValidator.MaxPersonaCharacters, required: false);
            Line(errors, $"hosts[{i}].style", host.Style, VoiceDirectionValidator.MaxStyleCharacters, required: false);
            if (!string.IsNullOrWhiteSpace(host.Name) && !names.Add(host.Name.Trim()))
            {
                errors.Add(new($"hosts[{i}].name", "Every host of a show needs a different name."));
            }
        }
    }

    static void Line(List<ValidationError> errors, string field, string? value, int max, bool required)
    {
        if (value is null ? required : (required && string.IsNullOrWhiteSpace(value)) || value.Length > max || !TextRules.IsSingleLine(value))
        {
            errors.Add(new(field, $"{(required ? "Required: one" : "One")} line of at most {max} characters."));
        }
    }

    [GeneratedRegex(IdPattern)]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$")]
    private static partial Regex LanguageRegex();

    // Deliberately plain: one @, no spaces or control characters, a dot in the domain.
    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[^@\s\p{C}]+\.[^@\s\p{C}]+$")]
    private static partial Regex EmailRegex();
}
