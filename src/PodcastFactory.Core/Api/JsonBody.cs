using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>Reads a JSON request body with the API's conventions, turning every parse error into a field-named error.</summary>
public static class JsonBody
{
    /// <summary>Largest body accepted (inline sources included).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Reads <typeparamref name="T"/>; on failure returns the errors instead (field "body" when no field is known).</summary>
    public static async Task<(T? Value, IReadOnlyList<ValidationError> Errors)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, [new("body", $"The body is larger than {MaxBytes} bytes.")]);
        }

        try
        {
            T? value = await JsonSerializer.DeserializeAsync<T>(request.Body, PodcastJson.Compact, cancellationToken);
            return value is null ? (null, [new("body", "A JSON object body is required.")]) : (value, []);
        }
        catch (JsonException ex)
        {
            // Malformed JSON surfaces as a reader error wrapped in a JsonException: the body as a whole is at fault.
            bool syntax = ex.InnerException is JsonException;
            string field = syntax ? "body" : FieldOf(ex.Path);
            string message = field == "body"
                ? "The body is not valid JSON" + (ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})." : ".")
                : "The value is missing, of the wrong type, or not one of the allowed values.";
            return (null, [new(field, message)]);
        }
    }

    /// <summary>Turns a JSON path such as <c>$.hosts[1].voice</c> into the field name <c>hosts[1].voice</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        string field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }
}
