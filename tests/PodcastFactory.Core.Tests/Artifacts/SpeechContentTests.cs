using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Tests.Artifacts;

public sealed class SpeechContentTests
{
    private static string NameOf(string text = "Hello there.", string voice = "flite:rms", string provider = "local", string language = "en", string format = "Wav") =>
        SpeechContent.Name("ep-1", SpeechContent.Hash(text, voice, provider, language, format), "wav");

    [Fact]
    public void Name_SameTextVoiceProviderLanguageAndFormat_IsTheSame()
    {
        Assert.Equal(NameOf(), NameOf());
        Assert.Matches("^ep-1/speech/[0-9a-f]{64}\\.wav$", NameOf());
    }

    [Theory]
    [InlineData("Hello there!", "flite:rms", "local", "en", "Wav")]
    [InlineData("Hello there.", "flite:slt", "local", "en", "Wav")]
    [InlineData("Hello there.", "flite:rms", "azure-openai/gpt-4o-mini-tts/mp3", "en", "Wav")]
    [InlineData("Hello there.", "flite:rms", "local", "de", "Wav")]
    [InlineData("Hello there.", "flite:rms", "local", "en", "Mp3")]
    public void Name_AnyPartOfTheSoundChanged_IsDifferent(string text, string voice, string provider, string language, string format) =>
        Assert.NotEqual(NameOf(), NameOf(text, voice, provider, language, format));

    [Fact]
    public void Hash_PartsDoNotRunTogether_IsDifferent() =>
        Assert.NotEqual(SpeechContent.Hash("ab", "c", "p", "en", "Wav"), SpeechContent.Hash("a", "bc", "p", "en", "Wav"));
}
