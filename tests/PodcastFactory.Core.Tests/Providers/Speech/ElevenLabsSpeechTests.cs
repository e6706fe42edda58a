using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Providers.ElevenLabs;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers.Speech;

/// <summary>The ElevenLabs provider against a local server speaking its REST protocol (xi-api-key, JSON body, chunked audio).</summary>
public sealed class ElevenLabsSpeechTests
{
    static ServiceProvider Stack(FakeSpeechServer server, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Speech:Provider"] = "ElevenLabs",
            ["Speech:Endpoint"] = server.BaseUrl.ToString(),
            ["Speech:ApiKey"] = FakeSpeechServer.Key,
        };
        foreach ((string key, string? value) in overrides)
        {
            settings[key] = value;
        }

        return ProviderStack.Build(settings);
    }

    [Fact]
    public async Task SynthesizeAsync_VoiceByName_PostsModelAndVoiceSettingsToTheVoiceIdAndReadsChunkedAudio()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server, ("Speech:Stability", "0.3"), ("Speech:SimilarityBoost", "0.9"));
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();
        const string text = "Welcome back. Let's talk about queues & retries.";

        AgentUsage usage = await speech.SynthesizeAsync(text, "Rachel", "en", audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        Assert.Equal("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", call.Path);
        Assert.Equal($"?output_format={ElevenLabsSpeechSynthesizer.OutputFormat}", call.Query);
        Assert.Equal(FakeSpeechServer.Key, call.Header("xi-api-key"));
        JsonNode body = JsonNode.Parse(call.Body)!;
        Assert.Equal(text, (string?)body["text"]);
        Assert.Equal("eleven_multilingual_v2", (string?)body["model_id"]);
        Assert.Equal((0.3, 0.9), ((double)body["voice_settings"]!["stability"]!, (double)body["voice_settings"]!["similarity_boost"]!));
        Assert.True(server.LastChunks > 1);
        Assert.Equal(new FileInfo(FakeOpenAIServer.Fixture("tone-a-24k.mp3")).Length, audio.Length);
        Assert.Equal(("elevenlabs", "eleven_multilingual_v2", text.Length), (usage.Provider, usage.Model, usage.InputUnits));
        Assert.Equal(100m * text.Length / 1_000_000m, usage.CostUsd);
    }

    [Fact]
    public async Task SynthesizeAsync_ModelSetting_IsTheModelIdAndItsPrice()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server, ("Speech:Model", "eleven_flash_v2_5"));
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        AgentUsage usage = await speech.SynthesizeAsync("Quick.", "pNInY14gQrG5ZfGhZg8e", "en", audio, CancellationToken.None);

        Assert.Equal("eleven_flash_v2_5", (string?)JsonNode.Parse(server.Calls.Single().Body)!["model_id"]);
        Assert.Equal(50m * 6 / 1_000_000m, usage.CostUsd);
    }

    [Fact]
    public async Task SynthesizeAsync_429ThenSuccess_IsSentAgain()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        server.Faults.Enqueue((429, "0"));
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        await speech.SynthesizeAsync("Again.", "Adam", "en", audio, CancellationToken.None);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal("pNInY14gQrG5ZfGhZg8e", server.Calls.Last().Voice);
    }

    [Fact]
    public async Task CheckVoiceAsync_WrongKey_FailsNamingTheSetting()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server, ("Speech:ApiKey", "wrong"));
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(() => speech.CheckVoiceAsync("Rachel", "en", CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Speech:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckVoiceAsync_UnknownVoice_NamesTheAccountsVoices_OfflineVoiceMapsByGender()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        string? problem = await speech.CheckVoiceAsync("en-US-AvaNeural", "en", CancellationToken.None);
        await speech.SynthesizeAsync("Hi.", "en-us+f3", "en", audio, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains("'en-US-AvaNeural'", problem, StringComparison.Ordinal);
        Assert.Contains("21m00Tcm4TlvDq8ikWAM (Rachel)", problem, StringComparison.Ordinal);
        Assert.Equal("21m00Tcm4TlvDq8ikWAM", server.Calls.Single().Voice);
    }
}
