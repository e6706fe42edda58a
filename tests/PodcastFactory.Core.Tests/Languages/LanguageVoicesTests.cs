using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.Core.Tests.Languages;

public sealed class LanguageVoicesTests
{
    [Theory]
    [InlineData("flite:rms", "es", "es+m3")]
    [InlineData("flite:slt", "de", "de+f3")]
    [InlineData("flite:slt", "fr-CA", "fr+f3")]
    [InlineData("flite:rms", "en", "en-us+m3")]
    public void EspeakFallback_FliteVoiceInLanguage_IsEspeakNgsVoiceForTheLanguageOfTheSameKind(string voice, string language, string expected) =>
        Assert.Equal(expected, FliteVoices.EspeakFallback(voice, language));

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("es", false)]
    public void Speaks_Language_FliteIsEnglishOnly(string language, bool expected) =>
        Assert.Equal(expected, FliteVoices.Speaks(language));

    [Theory]
    [InlineData("alloy", "es", "es+f2")]
    [InlineData("onyx", "de-DE", "de+m5")]
    [InlineData("alloy", "en-gb", "en-gb+f2")]
    public void Resolve_OpenAIVoiceName_SpeaksTheEpisodesLanguage(string voice, string language, string expected) =>
        Assert.Equal(expected, EspeakVoices.Resolve(voice, language));

    [Theory]
    [InlineData("en-us+m3", "es", true)]
    [InlineData("de", "fr", true)]
    [InlineData("es+f2", "es-MX", false)]
    [InlineData("en-gb+f2", "en", false)]
    [InlineData("mb-en1", "es", false)] // not a language code we can compare: espeak-ng's own business
    public void LanguageMismatch_VoiceOfAnotherLanguage_IsAProblem(string voice, string language, bool mismatch)
    {
        string? problem = EspeakVoices.LanguageMismatch(voice, EspeakVoices.Resolve(voice, language), language);

        Assert.Equal(mismatch, problem is not null);
        if (mismatch)
        {
            Assert.Contains($"not the episode's language '{language}'", problem, StringComparison.Ordinal);
        }
    }
}
