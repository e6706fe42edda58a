using System.Text.Json;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>Reads the provider's own error text from an OpenAI-style error body (<c>{"error":{"message":...}}</c>).</summary>
public static class ProviderErrorMessage
{
    const int MaxLength = 500;

    /// <summary>The <c>error.message</c> of the body, else the body itself (shortened), else the reason phrase.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            body = "";
        }

        return FromBody(body) ?? response.ReasonPhrase ?? "no error message";
    }

    /// <summary>The message inside an error body, or null when the body is empty.</summary>
    public static string? FromBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out JsonElement message) && message.ValueKind == JsonValueKind.String)
                {
                    string code = error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.String ? $" (code {c.GetString()})" : "";
                    return message.GetString() + code;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        string text = body.Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }
}
