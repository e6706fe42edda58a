using PodcastFactory.Core.Api;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Tests.Api;

public sealed class VoicesApiTests
{
    [Fact]
    public async Task ListAsync_Offline_ListsFliteVoicesFirstWithLanguageAndGender()
    {
        using var host = new ApiTestHost();
        var request = ApiTestHost.Request();

        var response = await host.ExecuteAsync(request, await host.Get<VoicesApi>().ListAsync(request, default));

        Assert.Equal(200, response.Status);
        Assert.Equal("local", response.Json.GetProperty("provider").GetString());
        var voices = response.Json.GetProperty("voices").EnumerateArray()
            .Select(v => (v.GetProperty("id").GetString(), v.GetProperty("language").GetString(), v.GetProperty("gender").GetString())).ToList();
        Assert.Equal(("flite:rms", "en-US", "male"), voices[0]);
        Assert.Equal(("flite:slt", "en-US", "female"), voices[1]);
        Assert.Equal(5, voices.Count(v => v.Item1!.StartsWith("flite:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListAsync_Offline_EveryListedVoicePassesTheStartCheck()
    {
        using var host = new ApiTestHost();
        var speech = host.Get<ISpeechSynthesizer>();

        VoiceListing listing = await VoicesApi.ListAsync(speech, default);

        // espeak-ng adds its numbered variants when installed (the test machines install it; flite's five are always there).
        Assert.True(listing.Voices.Count >= 5);
        foreach (VoiceInfo voice in listing.Voices)
        {
            Assert.Null(await speech.CheckVoiceAsync(voice.Id, "en", default));
        }
    }

    [Fact]
    public async Task ListAsync_OpenAICompatible_ListsOpenAIVoicesThenTheServersOwn()
    {
        using var host = new ApiTestHost(new Dictionary<string, string?>
        {
            ["Speech:Provider"] = "OpenAICompatible",
            ["Speech:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Speech:Model"] = "tts-1",
            ["Speech:Voices:0"] = "af_bella",
        });
        var speech = host.Get<ISpeechSynthesizer>();

        VoiceListing listing = await VoicesApi.ListAsync(speech, default);

        Assert.Equal(speech.Name, listing.Provider);
        Assert.Equal(12, listing.Voices.Count);
        Assert.Equal(new VoiceInfo("coral", speech.Name, null, "female"), listing.Voices.Single(v => v.Id == "coral"));
        Assert.Null(listing.Voices.Single(v => v.Id == "alloy").Gender);
        Assert.Equal("af_bella", listing.Voices[^1].Id);
        foreach (VoiceInfo voice in listing.Voices)
        {
            Assert.Null(await speech.CheckVoiceAsync(voice.Id, "en", default));
        }
    }

    [Fact]
    public async Task ListAsync_UnknownQueryParameter_Returns400Problem()
    {
        using var host = new ApiTestHost();
        var request = ApiTestHost.Request(query: "?lang=en");

        var response = await host.ExecuteAsync(request, await host.Get<VoicesApi>().ListAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }
}
