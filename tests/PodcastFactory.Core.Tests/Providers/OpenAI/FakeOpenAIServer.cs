using PodcastFactory.Core.Models;
using PodcastFactory.Core.Audio;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

/// <summary>
/// An in-process HTTP server speaking the real REST protocols the SDKs use: Azure OpenAI chat completions
/// (<c>/openai/deployments/{d}/chat/completions?api-version=</c>, <c>api-key</c> header), OpenAI chat completions
/// (<c>/v1/chat/completions</c>, Bearer) and audio speech on both, returning fixture MP3 bytes. Chat answers come
/// from the scripted queue first, then from <see cref="Responder"/>.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    public const string Key = "test-key";

    readonly WebApplication _app;
    readonly ConcurrentQueue<FakeReply> _scripted = new();

    FakeOpenAIServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL, the Azure OpenAI endpoint (http://127.0.0.1:port/).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The OpenAI-compatible base URL (…/v1/).</summary>
    public Uri OpenAIBaseUrl => new(BaseUrl, "v1/");

    /// <summary>Answers chat requests when no scripted reply is queued.</summary>
    public Func<FakeRequest, JsonNode, FakeReply> Responder { get; set; } = (_, _) => FakeReply.Error(500, "no responder");

    /// <summary>The MP3 returned for a voice (default: tone-a).</summary>
    public Func<string, string> SpeechFixture { get; set; } = _ => "tone-a-24k.mp3";

    /// <summary>
    /// True (default): like a real speech model, the answer's length follows the input (the fixture's frames
    /// repeated to about 150 words per minute). False: the fixture as is, whatever the input (a truncated answer).
    /// </summary>
    public bool SpeechScalesWithText { get; set; } = true;

    /// <summary>Prompt tokens billed for every unscripted answer instead of counting the request (for price arithmetic tests).</summary>
    public int? FixedPromptTokens { get; set; }

    /// <summary>The server's own usage log: every answer it billed.</summary>
    public ConcurrentQueue<FakeBill> Billed { get; } = new();

    /// <summary>What <see cref="Billed"/> comes to at gpt-4o-mini ($0.15 / $0.60 per million tokens) and tts-1 ($15 per million characters).</summary>
    public decimal BilledUsd => Billed.Sum(b => b.Kind == "speech"
        ? b.InputUnits * 15m / 1_000_000m
        : ((b.InputUnits * 0.15m) + (b.OutputUnits * 0.60m)) / 1_000_000m);

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public IEnumerable<FakeRequest> ChatRequests => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public IEnumerable<FakeRequest> SpeechRequests => Requests.Where(r => r.Path.EndsWith("/audio/speech", StringComparison.Ordinal));

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (FakeReply reply in replies)
        {
            _scripted.Enqueue(reply);
        }
    }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                // Surfaces a broken fake in the provider's error message instead of a bare 500.
                await WriteErrorAsync(context, FakeReply.Error(500, "fake server: " + e.Message));
            }
        });
        FakeOpenAIServer? server = null;
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpContext c) => server!.ChatAsync(c, azure: true));
        app.MapPost("/v1/chat/completions", (HttpContext c) => server!.ChatAsync(c, azure: false));
        app.MapPost("/openai/deployments/{deployment}/audio/speech", (HttpContext c) => server!.SpeechAsync(c, azure: true));
        app.MapPost("/v1/audio/speech", (HttpContext c) => server!.SpeechAsync(c, azure: false));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeOpenAIServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    async Task ChatAsync(HttpContext context, bool azure)
    {
        (FakeRequest request, JsonNode body) = await RecordAsync(context);
        if (await RejectAsync(context, request, azure))
        {
            return;
        }

        FakeReply reply = _scripted.TryDequeue(out FakeReply? next) ? next : Responder(request, body);
        reply = reply.BilledFor(body, FixedPromptTokens);
        if (reply.Status != 200)
        {
            await WriteErrorAsync(context, reply);
            return;
        }

        if (reply.DelayMs > 0)
        {
            // The model works on, whether or not the client waits: a late answer is billed all the same.
            await Task.Delay(reply.DelayMs, CancellationToken.None);
        }

        JsonObject completion = reply.ToCompletion((string?)body["model"] ?? "gpt-4o-mini");
        Billed.Enqueue(new FakeBill("chat", (string?)body["model"], reply.PromptTokens, reply.CompletionTokens));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(completion.ToJsonString());
    }

    async Task SpeechAsync(HttpContext context, bool azure)
    {
        (FakeRequest request, JsonNode body) = await RecordAsync(context);
        if (await RejectAsync(context, request, azure))
        {
            return;
        }

        if (_scripted.TryDequeue(out FakeReply? scripted) && scripted.Status != 200)
        {
            await WriteErrorAsync(context, scripted);
            return;
        }

        // instructions: gpt-4o-mini-tts only (the tts-1 models refuse them), at most 4096 characters, as the service rules.
        if (body["instructions"] is { } instructions
            && (((string?)body["model"] ?? "").StartsWith("tts-1", StringComparison.Ordinal) || ((string?)instructions ?? "").Length is 0 or > 4096))
        {
            await WriteErrorAsync(context, FakeReply.Error(400, "instructions are not supported with this model"));
            return;
        }

        if ((string?)body["response_format"] != "mp3" || string.IsNullOrEmpty((string?)body["input"]) || ((string?)body["input"])!.Length > 4096)
        {
            await WriteErrorAsync(context, FakeReply.Error(400, "input must be 1..4096 characters and response_format mp3"));
            return;
        }

        Billed.Enqueue(new FakeBill("speech", (string?)body["model"], ((string?)body["input"])!.Length, 0));
        context.Response.ContentType = "audio/mpeg";
        byte[] fixture = await File.ReadAllBytesAsync(Fixture(SpeechFixture((string?)body["voice"] ?? "")));
        await context.Response.Body.WriteAsync(fixture);
        if (SpeechScalesWithText)
        {
            double wanted = TextStats.CountWords((string?)body["input"]) / (TextStats.WordsPerMinute / 60.0);
            double once = (await Mp3Info.MeasureAsync(new MemoryStream(fixture), CancellationToken.None)).Duration.TotalSeconds;
            ReadOnlyMemory<byte> frames = fixture.AsMemory(Id3v2Length(fixture));
            for (int copy = 1; copy < Math.Ceiling(wanted / once); copy++)
            {
                await context.Response.Body.WriteAsync(frames);
            }
        }
    }

    // ID3v2: "ID3", version, flags, then a 4-byte syncsafe size of what follows the 10-byte header.
    static int Id3v2Length(byte[] mp3) =>
        mp3.Length > 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3'
            ? 10 + ((mp3[6] & 0x7F) << 21 | (mp3[7] & 0x7F) << 14 | (mp3[8] & 0x7F) << 7 | (mp3[9] & 0x7F))
            : 0;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "audio", name);

    async Task<(FakeRequest, JsonNode)> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string text = await reader.ReadToEndAsync();
        JsonNode body = JsonNode.Parse(text) ?? new JsonObject();
        string? schema = body["response_format"] is JsonObject format ? (string?)format["json_schema"]?["name"] : null;
        var request = new FakeRequest(context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.Headers["api-key"].FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault(), text, schema);
        Requests.Enqueue(request);
        return (request, body);
    }

    // The authentication and api-version rules of the real services.
    static async Task<bool> RejectAsync(HttpContext context, FakeRequest request, bool azure)
    {
        if (azure && !context.Request.Query.ContainsKey("api-version"))
        {
            await WriteErrorAsync(context, FakeReply.Error(404, "Resource not found (api-version missing)"));
            return true;
        }

        bool authorized = azure ? request.ApiKey == Key : request.Authorization == "Bearer " + Key;
        if (!authorized)
        {
            await WriteErrorAsync(context, FakeReply.Error(401, "Access denied due to invalid subscription key or wrong API endpoint."));
            return true;
        }

        return false;
    }

    static async Task WriteErrorAsync(HttpContext context, FakeReply reply)
    {
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        foreach ((string name, string value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = reply.ErrorMessage, ["type"] = "invalid_request_error", ["code"] = reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        await context.Response.WriteAsync(error.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
