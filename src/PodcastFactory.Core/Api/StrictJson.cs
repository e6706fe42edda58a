using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The strict reading rules of request bodies, checked on the parsed document before it is bound: every property
/// must be one of the contract's (a misspelled field is an error, not silently ignored), given once (also across case
/// variants), and every string must be valid Unicode (no invalid UTF-8, no lone surrogate) without a control character
/// other than tab, line feed and carriage return and without a Unicode non-character. Every problem is reported, keyed
/// by its path.
/// </summary>
public static class StrictJson
{
    /// <summary>Every unknown or repeated property and every string that is not clean text in <paramref name="root"/>, read as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<ValidationError> Check<T>(JsonElement root, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ValidationError>();
        Walk(root, options.GetTypeInfo(typeof(T)), "", options, errors);
        return errors;
    }

    static void Walk(JsonElement element, JsonTypeInfo? type, string path, JsonSerializerOptions options, List<ValidationError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                // GetString throws on invalid UTF-8 and on an escaped lone surrogate ("\ud800"): the caller's error, not a 500.
                if (TryText(() => element.GetString()) is not { } text)
                {
                    errors.Add(new(Field(path), "The text is not valid Unicode (invalid UTF-8 or a lone surrogate)."));
                }
                else if (!IsCleanText(text))
                {
                    errors.Add(new(Field(path), TextRules.TextMessage("The text")));
                }

                break;
            case JsonValueKind.Array:
                JsonTypeInfo? itemType = type?.ElementType is { } elementType ? options.GetTypeInfo(elementType) : null;
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item, itemType, $"{path}[{index++}]", options, errors);
                }

                break;
            case JsonValueKind.Object:
                // Duplicates are refused whatever their case: {"topic":..,"Topic":..} must not mean whichever came last.
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (TryText(() => property.Name) is not { } name || !IsCleanText(name))
                    {
                        errors.Add(new(Field(path), "A field name is not valid Unicode text."));
                        continue;
                    }

                    string child = path.Length == 0 ? name : $"{path}.{name}";
                    if (!seen.Add(name))
                    {
                        errors.Add(new(child, $"The field '{name}' is given more than once (names differing only in case are the same field)."));
                        continue;
                    }

                    if (type?.Kind != JsonTypeInfoKind.Object)
                    {
                        Walk(property.Value, null, child, options, errors);
                        continue;
                    }

                    JsonPropertyInfo? known = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name,
                        options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
                    if (known is null)
                    {
                        errors.Add(new(child, $"Unknown field '{name}'. Allowed here: {string.Join(", ", type.Properties.Select(p => p.Name))}."));
                    }
                    else
                    {
                        Walk(property.Value, options.GetTypeInfo(Nullable.GetUnderlyingType(known.PropertyType) ?? known.PropertyType), child, options, errors);
                    }
                }

                break;
        }
    }

    static string? TryText(Func<string?> read)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    static bool IsCleanText(string value) => !value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) && TextRules.IsWellFormed(value);

    static string Field(string path) => path.Length == 0 ? "body" : path;
}
