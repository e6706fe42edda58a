using System.Text.Json.Nodes;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

/// <summary>One scripted answer of <see cref="FakeOpenAIServer"/>.</summary>
internal sealed record FakeReply(int Status, string? Content = null, int PromptTokens = 0, int CompletionTokens = 0, string? RetryAfter = null, string? ErrorMessage = null, int DelayMs = 0, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Prompt tokens counted from the request as a tokenizer would, about four characters a token (the default).</summary>
    public const int Counted = -1;

    /// <summary>Output tokens of a chat answer unless scripted: within every call's output cap, as a real answer is.</summary>
    public const int DefaultCompletionTokens = 250;

    /// <summary>A chat completion whose message content is <paramref name="content"/>.</summary>
    public static FakeReply Chat(string content, int promptTokens = Counted, int completionTokens = DefaultCompletionTokens) =>
        new(200, content, promptTokens, completionTokens);

    /// <summary>
    /// The usage a real service bills for this reply to <paramref name="request"/>: the prompt as sent (messages and
    /// response schema) when not scripted, and never more output than the request's <c>max_completion_tokens</c>.
    /// </summary>
    public FakeReply BilledFor(JsonNode request, int? fixedPromptTokens = null)
    {
        int prompt = PromptTokens == Counted && fixedPromptTokens is { } fixedCount ? fixedCount : PromptTokens;
        if (prompt == Counted)
        {
            JsonArray messages = request["messages"]?.AsArray() ?? [];
            long characters = messages.Sum(m => (long)(m?["content"]?.ToJsonString().Length ?? 0)) + (request["response_format"]?.ToJsonString().Length ?? 0);
            prompt = (int)(characters / 4) + (4 * messages.Count);
        }

        int cap = request["max_completion_tokens"] is JsonValue v && v.TryGetValue(out int max) ? max : int.MaxValue;
        return this with { PromptTokens = prompt, CompletionTokens = Math.Min(CompletionTokens, cap) };
    }

    /// <summary>429 with Retry-After in seconds.</summary>
    public static FakeReply TooManyRequests(int retryAfterSeconds = 1) =>
        new(429, RetryAfter: retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorMessage: "Rate limit is exceeded. Try again later.");

    /// <summary>The chat.completion body the real services return for this reply.</summary>
    public JsonObject ToCompletion(string model) => new()
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12],
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = PromptTokens,
            ["completion_tokens"] = CompletionTokens,
            ["total_tokens"] = PromptTokens + CompletionTokens,
        },
    };

    /// <summary>An error status with an OpenAI-style error body.</summary>
    public static FakeReply Error(int status, string message) => new(status, ErrorMessage: message);
}

/// <summary>
/// One answer the fake server billed, as a real provider does: a completion's tokens or a speech input's characters,
/// billed once the work is done, whether or not the client was still there to receive it.
/// </summary>
internal sealed record FakeBill(string Kind, string? Model, long InputUnits, long OutputUnits);

/// <summary>A request the fake server received.</summary>
internal sealed record FakeRequest(string Path, string Query, string? ApiKey, string? Authorization, string Body, string? SchemaName);
