using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers.Speech;

/// <summary>
/// An in-process HTTP server speaking the real REST protocols of Azure AI Speech (<c>POST /cognitiveservices/v1</c>
/// with an SSML body parsed as XML, <c>X-Microsoft-OutputFormat</c>, <c>Ocp-Apim-Subscription-Key</c> or
/// <c>Bearer aad#resource#token</c>; <c>GET /cognitiveservices/voices/list</c>) and ElevenLabs
/// (<c>POST /v1/text-to-speech/{voice_id}?output_format=</c> with <c>xi-api-key</c> and a JSON body; <c>GET /v1/voices</c>).
/// Audio is a fixture MP3 streamed back in chunks (no Content-Length, so chunked transfer encoding), as both services do.
/// </summary>
internal sealed class FakeSpeechServer : IAsyncDisposable
{
    public const string Key = "speech-test-key";
    public const string Token = "entra-token";
    public const string ResourceId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/speech";

    /// <summary>Azure output formats the service accepts (a subset of the documented list).</summary>
    static readonly string[] _azureFormats = ["audio-24khz-96kbitrate-mono-mp3", "audio-24khz-48kbitrate-mono-mp3", "audio-48khz-192kbitrate-mono-mp3", "riff-24khz-16bit-mono-pcm"];

    static readonly (string ShortName, string DisplayName, string Gender, string Locale)[] _azureVoices =
    [
        ("en-US-AndrewNeural", "Andrew", "Male", "en-US"),
        ("en-US-AvaNeural", "Ava", "Female", "en-US"),
        ("de-DE-KatjaNeural", "Katja", "Female", "de-DE"),
        ("de-DE-ConradNeural", "Conrad", "Male", "de-DE"),
    ];

    /// <summary>ElevenLabs voices: (voice_id, name, gender).</summary>
    public static readonly (string Id, string Name, string Gender)[] ElevenVoices =
    [
        ("21m00Tcm4TlvDq8ikWAM", "Rachel", "female"),
        ("pNInY14gQrG5ZfGhZg8e", "Adam", "male"),
    ];

    readonly WebApplication _app;

    FakeSpeechServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Answers queued ahead of the audio (status and Retry-After), served first.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Faults { get; } = new();

    /// <summary>Every synthesis request received, in order.</summary>
    public ConcurrentQueue<SpeechCall> Calls { get; } = new();

    /// <summary>Voice-list requests received.</summary>
    public int VoiceListCalls => _voiceListCalls;

    /// <summary>Chunks the last audio answer was written in.</summary>
    public int LastChunks { get; private set; }

    int _voiceListCalls;

    public static async Task<FakeSpeechServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        FakeSpeechServer? server = null;
        app.MapPost("/cognitiveservices/v1", (HttpContext c) => server!.AzureSpeakAsync(c));
        app.MapGet("/cognitiveservices/voices/list", (HttpContext c) => server!.AzureVoicesAsync(c));
        app.MapPost("/v1/text-to-speech/{voiceId}", (HttpContext c, string voiceId) => server!.ElevenSpeakAsync(c, voiceId));
        app.MapGet("/v1/voices", (HttpContext c) => server!.ElevenVoicesAsync(c));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeSpeechServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    async Task AzureSpeakAsync(HttpContext context)
    {
        string body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var call = new SpeechCall(context.Request.Path, context.Request.QueryString.Value ?? "", body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Calls.Enqueue(call);
        if (!AzureAuthorized(context))
        {
            // Azure answers a wrong key with an empty 401.
            context.Response.StatusCode = 401;
            return;
        }

        if (await FaultAsync(context))
        {
            return;
        }

        if (!(context.Request.ContentType ?? "").StartsWith("application/ssml+xml", StringComparison.Ordinal)
            || !_azureFormats.Contains(context.Request.Headers["X-Microsoft-OutputFormat"].ToString()))
        {
            context.Response.StatusCode = 400;
            return;
        }

        XDocument ssml;
        try
        {
            ssml = XDocument.Parse(body);
        }
        catch (XmlException)
        {
            // The service refuses SSML that is not well-formed XML.
            context.Response.StatusCode = 400;
            return;
        }

        XNamespace ns = "http://www.w3.org/2001/10/synthesis";
        XElement? voice = ssml.Root?.Element(ns + "voice");
        if (ssml.Root?.Name != ns + "speak" || (string?)ssml.Root.Attribute("version") != "1.0" || ssml.Root.Attribute(XNamespace.Xml + "lang") is null
            || voice is null || !_azureVoices.Any(v => v.ShortName == (string?)voice.Attribute("name")))
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (SsmlProblem(voice) is { } problem)
        {
            // The service answers SSML it cannot render (unknown elements, a style or attribute it does not know) with a 400.
            call.Problem = problem;
            context.Response.StatusCode = 400;
            return;
        }

        call.Voice = (string?)voice.Attribute("name");
        call.Locale = (string?)ssml.Root.Attribute(XNamespace.Xml + "lang");
        call.SpokenText = voice.Value;
        call.Ssml = ssml;
        await WriteAudioAsync(context);
    }

    // The SSML elements and attributes Azure documents for what we send: express-as (a known style), prosody (relative
    // rate and pitch), break (a time), emphasis (a level), sub (an alias), phoneme (ipa and ph); anything else is refused.
    static string? SsmlProblem(XElement voice)
    {
        XNamespace ns = "http://www.w3.org/2001/10/synthesis", mstts = "http://www.w3.org/2001/mstts";
        foreach (XElement e in voice.Descendants())
        {
            string? problem = e.Name switch
            {
                var n when n == mstts + "express-as" => _azureStyles.Contains((string?)e.Attribute("style")) ? null : "unknown express-as style",
                var n when n == ns + "prosody" => Relative((string?)e.Attribute("rate")) && Relative((string?)e.Attribute("pitch")) ? null : "bad prosody",
                var n when n == ns + "break" => System.Text.RegularExpressions.Regex.IsMatch((string?)e.Attribute("time") ?? "", @"^\d{1,5}ms$") ? null : "bad break time",
                var n when n == ns + "emphasis" => (string?)e.Attribute("level") is "reduced" or "none" or "moderate" or "strong" ? null : "bad emphasis level",
                var n when n == ns + "sub" => string.IsNullOrEmpty((string?)e.Attribute("alias")) ? "sub without alias" : null,
                var n when n == ns + "phoneme" => (string?)e.Attribute("alphabet") == "ipa" && !string.IsNullOrEmpty((string?)e.Attribute("ph")) ? null : "bad phoneme",
                _ => $"unsupported element {e.Name}",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;

        static bool Relative(string? value) => value is null || System.Text.RegularExpressions.Regex.IsMatch(value, @"^[+-]\d{1,3}%$");
    }

    // The speaking styles Azure's SSML reference lists for express-as.
    static readonly string[] _azureStyles =
    [
        "advertisement_upbeat", "affectionate", "angry", "assistant", "calm", "chat", "cheerful", "customerservice", "depressed",
        "disgruntled", "documentary-narration", "embarrassed", "empathetic", "envious", "excited", "fearful", "friendly", "gentle",
        "hopeful", "lyrical", "narration-professional", "narration-relaxed", "newscast", "newscast-casual", "newscast-formal",
        "poetry-reading", "sad", "serious", "shouting", "sports_commentary", "sports_commentary_excited", "terrified", "unfriendly",
        "whispering",
    ];

    Task AzureVoicesAsync(HttpContext context)
    {
        Interlocked.Increment(ref _voiceListCalls);
        if (!AzureAuthorized(context))
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        }

        var list = new JsonArray([.. _azureVoices.Select(v => (JsonNode)new JsonObject
        {
            ["Name"] = $"Microsoft Server Speech Text to Speech Voice ({v.Locale}, {v.DisplayName}Neural)",
            ["DisplayName"] = v.DisplayName,
            ["LocalName"] = v.DisplayName,
            ["ShortName"] = v.ShortName,
            ["Gender"] = v.Gender,
            ["Locale"] = v.Locale,
            ["VoiceType"] = "Neural",
            ["Status"] = "GA",
        })]);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(list.ToJsonString());
    }

    async Task ElevenSpeakAsync(HttpContext context, string voiceId)
    {
        string body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var call = new SpeechCall(context.Request.Path, context.Request.QueryString.Value ?? "", body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Calls.Enqueue(call);
        if (context.Request.Headers["xi-api-key"] != Key)
        {
            await ElevenErrorAsync(context, 401, "invalid_api_key", "Invalid API key");
            return;
        }

        if (await FaultAsync(context))
        {
            return;
        }

        if (!ElevenVoices.Any(v => v.Id == voiceId))
        {
            await ElevenErrorAsync(context, 404, "voice_not_found", $"A voice with voice_id {voiceId} was not found.");
            return;
        }

        JsonNode? json = JsonNode.Parse(body);
        string? text = (string?)json?["text"];
        if (string.IsNullOrEmpty(text) || json?["model_id"] is null || !((string?)context.Request.Query["output_format"] ?? "").StartsWith("mp3_", StringComparison.Ordinal))
        {
            await ElevenErrorAsync(context, 422, "invalid_request", "text, model_id and an mp3 output_format are required");
            return;
        }

        // voice_settings: stability, similarity_boost and style within 0-1, speed within 0.7-1.2 (the API's ranges).
        if (json?["voice_settings"] is JsonObject settings
            && (!InRange(settings["stability"], 0, 1) || !InRange(settings["similarity_boost"], 0, 1) || !InRange(settings["style"], 0, 1) || !InRange(settings["speed"], 0.7, 1.2)))
        {
            await ElevenErrorAsync(context, 422, "invalid_voice_settings", "voice_settings out of range");
            return;
        }

        call.Voice = voiceId;
        call.SpokenText = text;
        call.VoiceSettings = json?["voice_settings"] as JsonObject;
        await WriteAudioAsync(context);
    }

    Task ElevenVoicesAsync(HttpContext context)
    {
        Interlocked.Increment(ref _voiceListCalls);
        if (context.Request.Headers["xi-api-key"] != Key)
        {
            return ElevenErrorAsync(context, 401, "invalid_api_key", "Invalid API key");
        }

        var voices = new JsonObject
        {
            ["voices"] = new JsonArray([.. ElevenVoices.Select(v => (JsonNode)new JsonObject
            {
                ["voice_id"] = v.Id,
                ["name"] = v.Name,
                ["category"] = "premade",
                ["labels"] = new JsonObject { ["gender"] = v.Gender, ["accent"] = "american" },
            })]),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(voices.ToJsonString());
    }

    static bool InRange(JsonNode? value, double min, double max) => value is null || ((double)value >= min && (double)value <= max);

    bool AzureAuthorized(HttpContext context) =>
        context.Request.Headers["Ocp-Apim-Subscription-Key"] == Key
        || context.Request.Headers.Authorization == $"Bearer aad#{ResourceId}#{Token}";

    async Task<bool> FaultAsync(HttpContext context)
    {
        if (!Faults.TryDequeue(out (int Status, string? RetryAfter) fault))
        {
            return false;
        }

        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        await context.Response.WriteAsync("{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}");
        return true;
    }

    // The fixture in several flushed pieces without a Content-Length: Kestrel sends it chunked, as the services do.
    async Task WriteAudioAsync(HttpContext context)
    {
        byte[] audio = await File.ReadAllBytesAsync(FakeOpenAIServer.Fixture("tone-a-24k.mp3"));
        context.Response.ContentType = "audio/mpeg";
        const int chunk = 1024;
        int chunks = 0;
        for (int offset = 0; offset < audio.Length; offset += chunk)
        {
            await context.Response.Body.WriteAsync(audio.AsMemory(offset, Math.Min(chunk, audio.Length - offset)));
            await context.Response.Body.FlushAsync();
            chunks++;
        }

        LastChunks = chunks;
    }

    static Task ElevenErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["detail"] = new JsonObject { ["status"] = code, ["message"] = message } }.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One synthesis request as the fake received it; the parsed fields are set once the request is accepted.</summary>
internal sealed record SpeechCall(string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Voice { get; set; }

    public string? Locale { get; set; }

    public string? SpokenText { get; set; }

    /// <summary>The SSML document as parsed, once accepted (Azure).</summary>
    public XDocument? Ssml { get; set; }

    /// <summary>The voice_settings sent (ElevenLabs), once accepted.</summary>
    public JsonObject? VoiceSettings { get; set; }

    /// <summary>Why the SSML was refused (Azure), or null.</summary>
    public string? Problem { get; set; }

    public string Header(string name) => Headers.TryGetValue(name, out string? value) ? value : "";
}
