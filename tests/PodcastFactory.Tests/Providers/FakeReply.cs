namespace PodcastFactory.Tests.Providers;

/// <summary>One scripted answer of <see cref="FakeOpenAIServer"/>.</summary>
internal sealed record FakeReply(int Status, string? Content = null, int PromptTokens = 0, int CompletionTokens = 0, string? RetryAfter = null, string? ErrorMessage = null)
{
    public const int DefaultPromptTokens = 1000, DefaultCompletionTokens = 500;

    /// <summary>A chat completion whose message content is <paramref name="content"/>.</summary>
    public static FakeReply Chat(string content, int promptTokens = DefaultPromptTokens, int completionTokens = DefaultCompletionTokens) =>
        new(200, content, promptTokens, completionTokens);

    /// <summary>429 with Retry-After in seconds.</summary>
    public static FakeReply TooManyRequests(int retryAfterSeconds = 1) =>
        new(429, RetryAfter: retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorMessage: "Rate limit is exceeded. Try again later.");

    /// <summary>An error status with an OpenAI-style error body.</summary>
    public static FakeReply Error(int status, string message) => new(status, ErrorMessage: message);
}

/// <summary>A request the fake server received.</summary>
internal sealed record FakeRequest(string Path, string Query, string? ApiKey, string? Authorization, string Body, string? SchemaName);
