using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodcastFactory.Core.Models;

/// <summary>The JSON conventions of every artifact and API payload: camelCase, enums as kebab-case strings.</summary>
public static class PodcastJson
{
    /// <summary>Shared serializer options (indented, so artifacts are readable).</summary>
    public static readonly JsonSerializerOptions Options = Create(indented: true);

    /// <summary>Compact options for wire payloads.</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
