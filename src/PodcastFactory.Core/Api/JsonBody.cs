using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>
/// Reads a JSON request body with the API's conventions: at most <see cref="MaxBytes"/> (enforced while reading, so
/// chunked bodies too: 413), strict (<see cref="StrictJson"/>: unknown fields and control characters are errors), and
/// every parse error turned into a field-named error.
/// </summary>
public static class JsonBody
{
    /// <summary>Largest body accepted (inline sources included).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads <typeparamref name="T"/>; on failure returns the errors instead (field "body" when no field is known).
    /// A body over <see cref="MaxBytes"/> throws <see cref="BadHttpRequestException"/> with status 413, which both
    /// hosts answer as a 413 problem.
    /// </summary>
    public static Task<(T? Value, IReadOnlyList<ValidationError> Errors)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(request, MaxBytes, cancellationToken);

    /// <summary>As <see cref="ReadAsync{T}(HttpRequest, CancellationToken)"/>, for a body whose contract is smaller: at most <paramref name="maxBytes"/>.</summary>
    public static async Task<(T? Value, IReadOnlyList<ValidationError> Errors)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw CappedReadStream.TooLarge(maxBytes);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(new CappedReadStream(request.Body, maxBytes), new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, [new("body", "The body is not valid JSON" + (ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})." : "."))]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new("body", "A JSON object body is required.")]);
            }

            if (StrictJson.Check<T>(document.RootElement, PodcastJson.Compact) is { Count: > 0 } strict)
            {
                return (null, strict);
            }

            try
            {
                T? value = document.RootElement.Deserialize<T>(PodcastJson.Compact);
                return value is null ? (null, [new("body", "A JSON object body is required.")]) : (value, []);
            }
            catch (JsonException ex)
            {
                return (null, [new(FieldOf(ex.Path), "The value is missing, of the wrong type, or not one of the allowed values.")]);
            }
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
