using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Languages;

/// <summary>OpenAI voices are multilingual: the model that takes instructions is told the language, as the fake endpoint receives it.</summary>
public sealed class OpenAISpeechLanguageTests
{
    [Theory]
    [InlineData("gpt-4o-mini-tts", "es", "\"instructions\":\"Speak in Spanish (es).\"")]
    [InlineData("gpt-4o-mini-tts", "de-AT", "\"instructions\":\"Speak in German (de-AT).\"")]
    public async Task SynthesizeAsync_InstructableModelAndOtherLanguage_NamesTheLanguage(string model, string language, string expected)
    {
        string body = await SpeechBodyAsync(model, language);

        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tts-1", "es")]
    [InlineData("gpt-4o-mini-tts", "en")]
    public async Task SynthesizeAsync_ModelWithoutInstructionsOrEnglish_SendsNone(string model, string language) =>
        Assert.DoesNotContain("instructions", await SpeechBodyAsync(model, language), StringComparison.Ordinal);

    static async Task<string> SpeechBodyAsync(string model, string language)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.SpeechScalesWithText = false;
        await using ServiceProvider services = ProviderStack.Azure(server, ("Speech:Model", model));
        using var audio = new MemoryStream();

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync("Bienvenidos al programa.", "alloy", language, audio, CancellationToken.None);

        return server.SpeechRequests.Single().Body;
    }
}
