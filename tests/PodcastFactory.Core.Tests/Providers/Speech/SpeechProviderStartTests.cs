using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Providers.AzureSpeech;
using PodcastFactory.Core.Providers.ElevenLabs;
using PodcastFactory.Core.Tests.Api;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers.Speech;

/// <summary>Choosing AzureSpeech or ElevenLabs by configuration: registration, prices, settings validation, a 400 for an unknown voice at start.</summary>
public sealed class SpeechProviderStartTests
{
    [Theory]
    [InlineData("AzureSpeech", typeof(AzureSpeechSynthesizer), 15)]
    [InlineData("ElevenLabs", typeof(ElevenLabsSpeechSynthesizer), 100)]
    public async Task AddPodcastFactory_SpeechProvider_RegistersItWithItsPerCharacterPrice(string provider, Type expected, int usdPerMillion)
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?>
        {
            ["Speech:Provider"] = provider,
            ["Speech:Endpoint"] = server.BaseUrl.ToString(),
            ["Speech:ApiKey"] = FakeSpeechServer.Key,
        });

        Assert.IsType(expected, services.GetRequiredService<ISpeechSynthesizer>());
        CostEstimates estimates = services.GetRequiredService<ICostEstimator>().Estimate(new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = 5 }, sourceCharacters: 8000);
        Assert.Equal(usdPerMillion, estimates.SpeechUsdPerMillionCharacters);
    }

    [Theory]
    [InlineData("AzureSpeech", "Speech:ApiKey or, for a managed identity, Speech:ResourceId is required when Speech:Provider is AzureSpeech.")]
    [InlineData("ElevenLabs", "Speech:ApiKey (the xi-api-key) is required when Speech:Provider is ElevenLabs.")]
    public void Options_SpeechProviderWithoutCredentials_FailsNamingTheSetting(string provider, string message)
    {
        using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?>
        {
            ["Speech:Provider"] = provider,
            ["Speech:Endpoint"] = "https://eastus.tts.speech.microsoft.com/",
        });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SpeechOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ElevenLabsWithoutEndpoint_UsesThePublicApi()
    {
        using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?>
        {
            ["Speech:Provider"] = "ElevenLabs",
            ["Speech:ApiKey"] = "key",
        });

        SpeechOptions options = services.GetRequiredService<IOptions<SpeechOptions>>().Value;

        Assert.Null(options.Endpoint);
        Assert.Equal("eleven_multilingual_v2", options.PricedModel());
    }

    [Fact]
    public void Options_TextModelOnASpeechProvider_FailsNamingTheSetting()
    {
        using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?>
        {
            ["TextModel:Provider"] = "AzureSpeech",
            ["TextModel:Endpoint"] = "https://eastus.tts.speech.microsoft.com/",
        });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TextModelOptions>>().Value);

        Assert.Contains("TextModel:Provider AzureSpeech is a speech provider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureSpeech", "Rachel", "en-US-AvaNeural")]
    [InlineData("ElevenLabs", "en-US-AvaNeural", "Rachel")]
    public async Task StartAsync_VoiceTheConfiguredProviderDoesNotHave_Returns400ListingItsVoices(string provider, string voice, string listed)
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        using var host = new ApiTestHost(new Dictionary<string, string?>
        {
            ["Speech:Provider"] = provider,
            ["Speech:Endpoint"] = server.BaseUrl.ToString(),
            ["Speech:ApiKey"] = FakeSpeechServer.Key,
        });
        var request = ApiTestHost.Request($$"""{"topic":"Durable workflows","hosts":[{"name":"Alex","voice":"en-us+m3"},{"name":"Sam","voice":"{{voice}}"}],"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""", "POST");

        var response = await host.ExecuteAsync(request, await host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        string message = response.Json.GetProperty("errors").GetProperty("hosts[1].voice")[0].GetString()!;
        Assert.Contains(voice, message, StringComparison.Ordinal);
        Assert.Contains(listed, message, StringComparison.Ordinal);
        Assert.False(response.Json.GetProperty("errors").TryGetProperty("hosts[0].voice", out _));
        Assert.Empty(host.Client.Started);
        Assert.Empty(server.Calls);
    }
}
