using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// JSON schemas for OpenAI's strict structured-output mode: every object lists all of its properties as required and
/// forbids others (<c>additionalProperties: false</c>), so the model cannot leave out or invent a field; optional
/// values stay nullable. A field can be narrowed to an enum (the research notes' <c>source</c> to the supplied names).
/// </summary>
public static class StrictSchema
{
    /// <summary>The key of <see cref="ChatOptions.AdditionalProperties"/> the OpenAI client reads to send <c>strict: true</c>.</summary>
    public const string StrictKey = "strict";

    /// <summary>The strict schema of <typeparamref name="T"/>, with <paramref name="enums"/> applied.</summary>
    /// <param name="serializerOptions">Naming of the JSON the model writes.</param>
    /// <param name="enums">Property paths (e.g. <c>notes.source</c>: array items are entered implicitly) and their allowed string values.</param>
    public static JsonElement For<T>(JsonSerializerOptions serializerOptions, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? enums = null)
    {
        JsonNode schema = JsonNode.Parse(AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: serializerOptions).GetRawText())!;
        MakeStrict(schema);
        foreach ((string path, IReadOnlyCollection<string> values) in enums ?? new Dictionary<string, IReadOnlyCollection<string>>())
        {
            JsonObject property = Find(schema, path) ?? throw new ArgumentException($"The schema of {typeof(T).Name} has no property '{path}'.", nameof(enums));
            property["type"] = "string";
            property["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return JsonSerializer.SerializeToElement(schema);
    }

    static void MakeStrict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    obj["required"] = new JsonArray(properties.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray());
                    obj["additionalProperties"] = false;
                }

                foreach (KeyValuePair<string, JsonNode?> child in obj.ToList())
                {
                    MakeStrict(child.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    MakeStrict(item);
                }

                break;
        }
    }

    static JsonObject? Find(JsonNode schema, string path)
    {
        JsonNode? current = schema;
        foreach (string name in path.Split('.'))
        {
            while (current?["items"] is JsonObject items)
            {
                current = items;
            }

            current = current?["properties"]?[name];
        }

        return current as JsonObject;
    }
}
