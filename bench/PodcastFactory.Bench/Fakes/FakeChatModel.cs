using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PodcastFactory.Bench.Fakes;

/// <summary>One answered chat call as the fake provider billed it.</summary>
/// <param name="Schema">The response schema's name (ResearchAnswer, ScriptAnswer, JudgeAnswer, SocialAnswer).</param>
/// <param name="PromptTokens">Characters of everything sent (messages and the response schema) / 4.</param>
/// <param name="CompletionTokens">Characters of the answer / 4.</param>
public sealed record ChatBill(string Schema, long PromptTokens, long CompletionTokens);

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (<c>/v1/chat/completions</c>, Bearer key) that answers
/// each structured call with realistic JSON from <see cref="ChatAnswers"/> and bills it like a real service would,
/// at about four characters a token: prompt tokens from every message and the response schema as sent, completion
/// tokens from the answer. The usage goes back in the response (what the agents price) and into <see cref="Bills"/>.
/// </summary>
public sealed class FakeChatModel : IAsyncDisposable
{
    /// <summary>The API key the server accepts.</summary>
    public const string Key = "bench-key";

    /// <summary>Characters per billed token.</summary>
    public const double CharactersPerToken = 4;

    readonly WebApplication _app;

    FakeChatModel(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The OpenAI-compatible base URL (TextModel:Endpoint).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every answered call, in order.</summary>
    public ConcurrentQueue<ChatBill> Bills { get; } = new();

    /// <summary>Starts the server; <paramref name="answers"/> writes the JSON of each call.</summary>
    public static async Task<FakeChatModel> StartAsync(ChatAnswers answers)
    {
        FakeChatModel? server = null;
        (WebApplication app, Uri root) = await LoopbackApp.StartAsync(web => web.MapPost("/v1/chat/completions", (Delegate)((HttpContext c) => server!.ChatAsync(c, answers))));
        server = new FakeChatModel(app, new Uri(root, "v1/"));
        return server;
    }

    async Task<IResult> ChatAsync(HttpContext context, ChatAnswers answers)
    {
        if (context.Request.Headers.Authorization.FirstOrDefault() != "Bearer " + Key)
        {
            return Results.Json(new { error = new { message = "invalid key", type = "invalid_request_error" } }, statusCode: 401);
        }

        using var reader = new StreamReader(context.Request.Body);
        JsonNode body = JsonNode.Parse(await reader.ReadToEndAsync()) ?? new JsonObject();
        List<(string Role, string Text)> messages = [.. (body["messages"]?.AsArray() ?? []).Select(m => ((string?)m!["role"] ?? "", Content(m["content"])))];
        JsonNode? format = body["response_format"]?["json_schema"];
        string schemaName = (string?)format?["name"] ?? "";
        string schemaText = format?["schema"]?.ToJsonString() ?? "";
        string answer = answers.Answer(schemaName, format?["schema"], messages);

        long promptCharacters = messages.Sum(m => (long)m.Text.Length) + schemaText.Length;
        var bill = new ChatBill(schemaName, Tokens(promptCharacters), Tokens(answer.Length));
        Bills.Enqueue(bill);
        return Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = (string?)body["model"] ?? "",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = bill.PromptTokens,
                ["completion_tokens"] = bill.CompletionTokens,
                ["total_tokens"] = bill.PromptTokens + bill.CompletionTokens,
            },
        });
    }

    static long Tokens(long characters) => (long)Math.Ceiling(characters / CharactersPerToken);

    // A message's content is a string or an array of parts ({type: "text", text}).
    static string Content(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => "",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
