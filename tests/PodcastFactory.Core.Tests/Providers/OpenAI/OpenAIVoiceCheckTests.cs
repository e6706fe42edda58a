using Microsoft.Extensions.Configuration;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

public sealed class OpenAIVoiceCheckTests
{
    [Theory]
    [InlineData("alloy")]
    [InlineData("VERSE")]
    [InlineData("flite:rms")]
    [InlineData("en-us+f3")]
    public void Problem_VoiceTheEndpointSpeaksOrMaps_IsNull(string voice) => Assert.Null(OpenAIVoices.Problem(voice, []));

    [Theory]
    [InlineData("bogus-voice")]
    [InlineData("flite:nobody")]
    [InlineData("af_bella")]
    [InlineData("en-us")]
    public void Problem_UnknownVoice_NamesItAndListsTheEndpointsVoices(string voice)
    {
        string? problem = OpenAIVoices.Problem(voice, []);

        Assert.NotNull(problem);
        Assert.Contains($"'{voice}'", problem, StringComparison.Ordinal);
        Assert.Contains("alloy", problem, StringComparison.Ordinal);
        Assert.Contains("Speech__Voices", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_VoiceTheServerAddsInSettings_IsAccepted() => Assert.Null(OpenAIVoices.Problem("af_bella", ["af_bella"]));

    [Fact]
    public void SpeechVoices_Setting_BindsTheServersExtraVoices()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Speech:Voices:0"] = "af_bella",
            ["Speech:Voices:1"] = "am_adam",
        }).Build();

        SpeechOptions options = configuration.GetSection(SpeechOptions.SectionName).Get<SpeechOptions>()!;

        Assert.Equal(["af_bella", "am_adam"], options.Voices);
    }
}
