using System.Xml.Linq;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Providers.AzureSpeech;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers.Speech;

/// <summary>The Azure AI Speech provider against a local server speaking its REST protocol (SSML parsed as XML).</summary>
public sealed class AzureSpeechTests
{
    static ServiceProvider Stack(FakeSpeechServer server, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Speech:Provider"] = "AzureSpeech",
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
    public async Task SynthesizeAsync_Key_PostsSsmlWithOutputFormatAndKeyAndPricesTheCharacters()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();
        const string text = "Welcome to the show. Today: durable workflows.";

        AgentUsage usage = await speech.SynthesizeAsync(text, "en-US-AvaNeural", "en", audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        Assert.Equal("/cognitiveservices/v1", call.Path);
        Assert.Equal(FakeSpeechServer.Key, call.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal(AzureSpeechSynthesizer.OutputFormat, call.Header("X-Microsoft-OutputFormat"));
        Assert.StartsWith("application/ssml+xml", call.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(("en-US-AvaNeural", "en-US", text), (call.Voice, call.Locale, call.SpokenText));
        Assert.True(server.LastChunks > 1);
        Assert.Equal(new FileInfo(FakeOpenAIServer.Fixture("tone-a-24k.mp3")).Length, audio.Length);
        Assert.Equal(("azure-speech", "azure-speech-neural", text.Length, "characters"), (usage.Provider, usage.Model, usage.InputUnits, usage.UnitKind));
        Assert.Equal(15m * text.Length / 1_000_000m, usage.CostUsd);
        Assert.Equal(AudioFormat.Mp3, speech.Format);
    }

    [Fact]
    public async Task SynthesizeAsync_TextWithSsmlBreakingCharacters_IsEscapedAndSpokenVerbatim()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();
        const string text = "If a < b & b > c, close with ]]> and <voice name=\"x\"> stays text.";

        await speech.SynthesizeAsync(text, "en-US-AndrewNeural", "en", audio, CancellationToken.None);

        SpeechCall call = server.Calls.Single();
        Assert.Equal(text, call.SpokenText);
        Assert.DoesNotContain("]]>", call.Body, StringComparison.Ordinal);
        Assert.Contains("a &lt; b &amp; b &gt; c", call.Body, StringComparison.Ordinal);
        Assert.Single(XDocument.Parse(call.Body).Descendants(), e => e.Name.LocalName == "voice");
    }

    [Fact]
    public void Build_ControlCharacters_AreDroppedSoTheSsmlStaysWellFormed()
    {
        string ssml = AzureSpeechSsml.Build("Bell\u0007 and tab\tstay.", "en-US-AvaNeural", "en-US");

        Assert.Equal("Bell and tab\tstay.", XDocument.Parse(ssml).Root!.Value);
    }

    [Fact]
    public async Task SynthesizeAsync_429WithRetryAfter_IsSentAgainAndJournaledOnce()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        server.Faults.Enqueue((429, "0"));
        server.Faults.Enqueue((503, "0"));
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        AgentUsage usage = await speech.SynthesizeAsync("Retried text.", "en-US-AvaNeural", "en", audio, CancellationToken.None);

        Assert.Equal(3, server.Calls.Count);
        Assert.Equal("Retried text.", server.Calls.Last().SpokenText);
        Assert.Equal("Retried text.".Length, usage.InputUnits);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task SynthesizeAsync_RefusedCredentials_FailAtOnceNamingTheSetting(int status)
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        server.Faults.Enqueue((status, null));
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        await speech.CheckVoiceAsync("en-US-AvaNeural", "en", CancellationToken.None);
        using var audio = new MemoryStream();

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(
            () => speech.SynthesizeAsync("Hello.", "en-US-AvaNeural", "en", audio, CancellationToken.None));

        Assert.Contains($"{status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Speech:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task CheckVoiceAsync_WrongKey_FailsNamingTheSetting()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server, ("Speech:ApiKey", "wrong"));
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(
            () => speech.CheckVoiceAsync("en-US-AvaNeural", "en", CancellationToken.None));

        Assert.Contains("Speech:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckVoiceAsync_ListedVoicesPassAndAnUnknownOneIsNamedWithTheLanguagesVoices()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();

        Assert.Null(await speech.CheckVoiceAsync("en-US-AvaNeural", "en", CancellationToken.None));
        Assert.Null(await speech.CheckVoiceAsync("en-us+m3", "en", CancellationToken.None));
        string? problem = await speech.CheckVoiceAsync("alloy", "de", CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains("'alloy'", problem, StringComparison.Ordinal);
        Assert.Contains("de-DE-KatjaNeural", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("en-US-AvaNeural", problem, StringComparison.Ordinal);
        Assert.Equal(1, server.VoiceListCalls);
    }

    [Fact]
    public async Task ListVoicesAsync_ListsTheRegionsVoicesWithLocaleAndGender_EachPassingTheStartCheck()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();

        IReadOnlyList<VoiceInfo> voices = await ((IVoiceCatalog)speech).ListVoicesAsync(CancellationToken.None);

        VoiceInfo ava = Assert.Single(voices, v => v.Id == "en-US-AvaNeural");
        Assert.Equal(("azure-speech", "en-US", "female"), (ava.Provider, ava.Language, ava.Gender));
        Assert.Contains(voices, v => v.Id == "de-DE-KatjaNeural" && v.Language == "de-DE");
        foreach (VoiceInfo voice in voices)
        {
            Assert.Null(await speech.CheckVoiceAsync(voice.Id, voice.Language ?? "en", CancellationToken.None));
        }

        Assert.Equal(1, server.VoiceListCalls);
    }

    [Theory]
    [InlineData("en-us+f3", "en", "en-US-AvaNeural")]
    [InlineData("en-us+m3", "en", "en-US-AndrewNeural")]
    [InlineData("flite:slt", "de", "de-DE-KatjaNeural")]
    public async Task SynthesizeAsync_OfflineVoice_SpeaksAsTheLanguagesVoiceOfTheSameGender(string voice, string language, string expected)
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        await speech.SynthesizeAsync("Hallo und willkommen.", voice, language, audio, CancellationToken.None);

        Assert.Equal(expected, server.Calls.Single().Voice);
    }

    [Fact]
    public async Task SynthesizeAsync_ManagedIdentity_SendsTheTokenForTheResource()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server, ("Speech:ApiKey", null), ("Speech:ResourceId", FakeSpeechServer.ResourceId));
        var speech = new AzureSpeechSynthesizer(
            services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<IOptions<SpeechOptions>>(),
            services.GetRequiredService<PriceTable>(), () => new FixedToken(), NullLogger<AzureSpeechSynthesizer>.Instance);
        using var audio = new MemoryStream();

        await speech.SynthesizeAsync("Signed in.", "en-US-AvaNeural", "en", audio, CancellationToken.None);

        Assert.Equal($"Bearer aad#{FakeSpeechServer.ResourceId}#{FakeSpeechServer.Token}", server.Calls.Single().Header("Authorization"));
        Assert.Equal("", server.Calls.Single().Header("Ocp-Apim-Subscription-Key"));
    }

    [Fact]
    public async Task Plan_TurnOverTheRequestLimit_IsSplitAtSentenceBoundaries()
    {
        await using FakeSpeechServer server = await FakeSpeechServer.StartAsync();
        await using ServiceProvider services = Stack(server, ("Speech:MaxInputCharacters", "100"));
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        string sentence = "This sentence is exactly forty-five chars. ";
        var script = new Script("T", [new ScriptTurn("Ava", string.Concat(Enumerable.Repeat(sentence, 5)).Trim())], 1);

        PodcastFactory.Core.Audio.SegmentPlan plan = new PodcastFactory.Core.Audio.ScriptSegmenter(speech.MaxInputCharacters)
            .Plan(script, [new HostVoice("Ava", "en-US-AvaNeural")], speech.Format);

        Assert.Equal(100, speech.MaxInputCharacters);
        Assert.True(plan.Segments.Count >= 3);
        Assert.All(plan.Segments, s => Assert.True(s.Text.Length <= 100 && s.Text.EndsWith('.'), s.Text));
    }

    sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(FakeSpeechServer.Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
