using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The strict reading rules of request bodies, checked on the parsed document before it is bound: every property
/// must be one of the contract's (a misspelled field is an error, not silently ignored) and no string may carry a
/// control character other than tab, line feed and carriage return. Every problem is reported, keyed by its path.
/// </summary>
public static class StrictJson
{
    /// <summary>Every unknown property and every string with control characters in <paramref name="root"/>, read as <typeparamref name="T"/>.</summary>
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
                if (!IsCleanText(element.GetString()))
                {
                    errors.Add(new(Field(path), "The text must not contain control characters other than tabs and line breaks."));
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
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    string child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (type?.Kind != JsonTypeInfoKind.Object)
                    {
                        Walk(property.Value, null, child, options, errors);
                        continue;
                    }

                    JsonPropertyInfo? known = type.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name,
                        options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
                    if (known is null)
                    {
                        errors.Add(new(child, $"Unknown field '{property.Name}'. Allowed here: {string.Join(", ", type.Properties.Select(p => p.Name))}."));
                    }
                    else
                    {
                        Walk(property.Value, options.GetTypeInfo(Nullable.GetUnderlyingType(known.PropertyType) ?? known.PropertyType), child, options, errors);
                    }
                }

                break;
        }
    }

    static bool IsCleanText(string? value) => value is null || !value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    static string Field(string path) => path.Length == 0 ? "body" : path;
}
