using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers.Speech;

/// <summary>
/// A host's style, the script's marks and the lexicon, each in its provider's own form, as the local servers speaking the
/// providers' protocols receive them: Azure SSML parsed as XML and checked element by element, OpenAI <c>instructions</c>,
/// ElevenLabs <c>voice_settings</c>.
/// </summary>
public sealed class SpeechDirectionTests
{
    static readonly XNamespace _ssml = "http://www.w3.org/2001/10/synthesis", _mstts = "http://www.w3.org/2001/mstts";

    static readonly IReadOnlyList<LexiconEntry> _lexicon = [new("SQL", "sequel"), new("Saoirse", Ipa: "ˈsɪərʃə")];

    static ServiceProvider Azure(FakeSpeechServer server) => ProviderStack.Build(new Dictionary<string, string?>
    {
        ["Speech:Provider"] = "AzureSpeech", ["Speech:Endpoint"] = server.BaseUrl.ToString(), ["Speech:ApiKey"] = FakeSpeechServer.Key,
    });

    static ServiceProvider ElevenLabs(FakeSpeechServer server) => ProviderStack.Build(new Dictionary<string, string?>
    {
        ["Speech:Provider"] = "ElevenLabs", ["Speech:Endpoint"] = server.BaseUrl.ToString(), ["Speech:ApiKey"] = FakeSpeechServer.Key,
        ["Speech:Stability"] = "0.5", ["Speech:SimilarityBoost"] = "0.75",
    });

    [Fact]
    public async Task AzureSynthesizeAsync_StyleMarksAndLexicon_SendsExpressAsProsodyBreakEmphasisSubAndPhoneme()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Azure(server);
        using var audio = new MemoryStream();
        var input = new SpeechInput("Saoirse runs SQL at scale. [pause] It is *really* fast.", "en-US-AvaNeural", "en",
            "cheerful, a little slower and lower", _lexicon);

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(input, audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        Assert.Null(call.Problem);
        XElement voice = call.Ssml!.Root!.Element(_ssml + "voice")!;
        XElement expressAs = voice.Element(_mstts + "express-as")!;
        Assert.Equal("cheerful", (string?)expressAs.Attribute("style"));
        XElement prosody = expressAs.Element(_ssml + "prosody")!;
        Assert.Equal(("-10%", "-5%"), ((string?)prosody.Attribute("rate"), (string?)prosody.Attribute("pitch")));
        XElement sub = Assert.Single(prosody.Elements(_ssml + "sub"));
        Assert.Equal(("sequel", "SQL"), ((string?)sub.Attribute("alias"), sub.Value));
        XElement phoneme = Assert.Single(prosody.Elements(_ssml + "phoneme"));
        Assert.Equal(("ipa", "ˈsɪərʃə", "Saoirse"), ((string?)phoneme.Attribute("alphabet"), (string?)phoneme.Attribute("ph"), phoneme.Value));
        Assert.Equal("700ms", (string?)Assert.Single(prosody.Elements(_ssml + "break")).Attribute("time"));
        XElement emphasis = Assert.Single(prosody.Elements(_ssml + "emphasis"));
        Assert.Equal(("moderate", "really"), ((string?)emphasis.Attribute("level"), emphasis.Value));
        // The marks never reach the spoken text, and the written forms stay inside sub and phoneme.
        Assert.Equal("Saoirse runs SQL at scale. It is really fast.", string.Join(' ', call.SpokenText!.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task AzureSynthesizeAsync_SsmlBreakingCharactersAroundMarksAndInTheLexicon_AreEscaped()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Azure(server);
        using var audio = new MemoryStream();
        var input = new SpeechInput("If a < b & *b > c*, close ]]> and say R&D. [pause] Done.", "en-US-AndrewNeural", "en",
            "calm", [new LexiconEntry("R&D", "research <and> development ]]>")]);

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(input, audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        Assert.Null(call.Problem);
        Assert.DoesNotContain("]]>", call.Body, StringComparison.Ordinal);
        XElement prosodyOrVoice = call.Ssml!.Root!.Element(_ssml + "voice")!.Element(_mstts + "express-as")!;
        Assert.Equal("calm", (string?)prosodyOrVoice.Attribute("style"));
        Assert.Equal("b > c", prosodyOrVoice.Element(_ssml + "emphasis")!.Value);
        XElement sub = prosodyOrVoice.Element(_ssml + "sub")!;
        Assert.Equal(("research <and> development ]]>", "R&D"), ((string?)sub.Attribute("alias"), sub.Value));
        Assert.Contains("If a < b & b > c, close ]]> and say R&D.", call.SpokenText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureSynthesizeAsync_StyleNamingNoAzureStyle_SendsNoExpressAsAndNoMsttsNamespace()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Azure(server);
        using var audio = new MemoryStream();

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(
            new SpeechInput("Plain words.", "en-US-AvaNeural", "en", "like an old friend, much faster"), audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        Assert.DoesNotContain("mstts", call.Body, StringComparison.Ordinal);
        Assert.Equal("+20%", (string?)call.Ssml!.Root!.Element(_ssml + "voice")!.Element(_ssml + "prosody")!.Attribute("rate"));
    }

    [Theory]
    [InlineData("gpt-4o-mini-tts", true)]
    [InlineData("tts-1", false)]
    [InlineData("tts-1-hd", false)]
    public async Task OpenAISynthesizeAsync_Style_IsSentAsInstructionsOnlyToModelsThatTakeThem(string model, bool sent)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.SpeechScalesWithText = false;
        await using ServiceProvider services = ProviderStack.Azure(server, ("Speech:Model", model));
        using var audio = new MemoryStream();

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(
            new SpeechInput("We run SQL. [pause] It is *fast*.", "alloy", "en", "Warm and calm, a little slower.", _lexicon), audio, CancellationToken.None);

        JsonNode body = JsonNode.Parse(server.SpeechRequests.Single().Body)!;
        Assert.Equal(sent ? "Warm and calm, a little slower." : null, (string?)body["instructions"]);
        Assert.Equal("We run sequel. … It is fast.", (string?)body["input"]);
        Assert.True(audio.Length > 0);
    }

    [Fact]
    public async Task ElevenLabsSynthesizeAsync_LivelyFastStyle_MovesVoiceSettingsAndSaysTheLexicon()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = ElevenLabs(server);
        using var audio = new MemoryStream();

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(
            new SpeechInput("Meet Saoirse. [pause] She loves *SQL*.", "Rachel", "en", "very excited, clear and faster", _lexicon), audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        JsonObject settings = call.VoiceSettings!;
        Assert.Equal((0.2, 0.85, 0.5, 1.1), ((double)settings["stability"]!, (double)settings["similarity_boost"]!, (double)settings["style"]!, (double)settings["speed"]!));
        // IPA-only entries fall back to the written word on providers without IPA.
        Assert.Equal("Meet Saoirse. … She loves sequel.", call.SpokenText);
    }

    [Fact]
    public async Task ElevenLabsSynthesizeAsync_CalmStyle_RaisesStabilityWithNoExaggeration()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = ElevenLabs(server);
        using var audio = new MemoryStream();

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechInput("Hello.", "Rachel", "en", "calm and measured"), audio, CancellationToken.None);

        JsonObject settings = server.Calls.Single().VoiceSettings!;
        Assert.Equal((0.7, 0.75, 0.0), ((double)settings["stability"]!, (double)settings["similarity_boost"]!, (double)settings["style"]!));
        Assert.Null(settings["speed"]);
    }
}
