using System.Text.Json;

namespace PodcastFactory.FunctionsHost.Durable;

/// <summary>
/// Turns a failed activity invocation into failure details, as the durable extension does: the failure's error type
/// is what retry policies match on (<c>IsCausedBy&lt;T&gt;()</c>). The 2.52 worker reports the exception as JSON
/// (<c>{"errorType": ..., "errorMessage": ..., "stackTrace": ...}</c>); older workers as <c>{Type}: {message}</c>
/// followed by the stack, or <c>Exception of type '{Type}' was thrown.</c>
/// </summary>
internal static class ActivityFailure
{
    const string TypeOnlyPrefix = "Exception of type '", TypeOnlySuffix = "' was thrown.";

    public static (string Type, string Message) Split(string workerMessage)
    {
        if (TryJson(workerMessage) is { } fromJson)
        {
            return fromJson;
        }

        string firstLine = workerMessage.Split('\n', 2)[0].TrimEnd();
        if (firstLine.StartsWith(TypeOnlyPrefix, StringComparison.Ordinal) && firstLine.EndsWith(TypeOnlySuffix, StringComparison.Ordinal))
        {
            return (firstLine[TypeOnlyPrefix.Length..^TypeOnlySuffix.Length], "");
        }

        int colon = firstLine.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? ("(unknown)", workerMessage) : (firstLine[..colon].TrimEnd(), firstLine[(colon + 2)..]);
    }

    static (string, string)? TryJson(string workerMessage)
    {
        if (!workerMessage.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(workerMessage);
            return document.RootElement.TryGetProperty("errorType", out JsonElement type) && type.GetString() is { Length: > 0 } name
                ? (name, document.RootElement.TryGetProperty("errorMessage", out JsonElement message) ? message.GetString() ?? "" : "")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
