using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Tests.Languages;

public sealed class LanguageGateTests
{
    [Fact]
    public async Task CheckAsync_OfflineWriterAndUnpackedLanguage_RefusesNamingLanguageAndListingServed()
    {
        var gate = new LanguageGate(new OfflineScriptAgent(), new SpeakingSpeech("de", "en", "es", "fr", "ja"), NullLogger<LanguageGate>.Instance);

        ValidationError? error = await gate.CheckAsync(new EpisodeRequest { Topic = "Sushi", Language = "ja" }, CancellationToken.None);

        Assert.NotNull(error);
        Assert.Equal("language", error.Field);
        Assert.Contains("offline script writer has no lines in 'ja'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Languages this configuration serves: de, en, es, fr.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_SpeechWithoutTheLanguage_RefusesAndLeavesItOutOfTheServedList()
    {
        var gate = new LanguageGate(new OfflineScriptAgent(), new SpeakingSpeech("en", "es"), NullLogger<LanguageGate>.Instance);

        ValidationError? error = await gate.CheckAsync(new EpisodeRequest { Topic = "Schwammstadt", Language = "de" }, CancellationToken.None);

        Assert.NotNull(error);
        Assert.Contains("the test speech provider cannot speak it", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("serves: en, es.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_SocialOnlyEpisode_NeedsNoVoice()
    {
        var gate = new LanguageGate(new OfflineScriptAgent(), new SpeakingSpeech("en"), NullLogger<LanguageGate>.Instance);

        Assert.Null(await gate.CheckAsync(new EpisodeRequest { Topic = "Schwammstadt", Language = "de", Priority = OutputPriority.Social }, CancellationToken.None));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("EN")]
    public async Task CheckAsync_PackedLanguageTheSpeechSpeaks_Passes(string language)
    {
        var gate = new LanguageGate(new OfflineScriptAgent(), new SpeakingSpeech("en", "es", "es-MX"), NullLogger<LanguageGate>.Instance);

        Assert.Null(await gate.CheckAsync(new EpisodeRequest { Topic = "Huertos", Language = language }, CancellationToken.None));
    }

    [Theory]
    [InlineData("debate", 2)]
    [InlineData("deep-dive", 3)]
    [InlineData("solo", 1)]
    public async Task CheckAsync_OfflineOtherFormatOrCastInAnotherLanguage_RefusesNamingFormat(string format, int hosts)
    {
        var gate = new LanguageGate(new OfflineScriptAgent(), new SpeakingSpeech("en", "es"), NullLogger<LanguageGate>.Instance);
        IReadOnlyList<HostVoice> cast = [.. Enumerable.Range(0, hosts).Select(i => new HostVoice($"Host {i}", "flite:rms"))];

        ValidationError? spanish = await gate.CheckAsync(new EpisodeRequest { Topic = "Huertos", Language = "es", Format = format, Hosts = cast }, CancellationToken.None);
        ValidationError? english = await gate.CheckAsync(new EpisodeRequest { Topic = "Gardens", Language = "en", Format = format, Hosts = cast }, CancellationToken.None);

        Assert.Equal("format", spanish?.Field);
        Assert.Contains("two-host deep-dive only", spanish!.Message, StringComparison.Ordinal);
        Assert.Null(english);
    }

    /// <summary>A speech provider that speaks the given languages (by primary subtag) and refuses the rest.</summary>
    sealed class SpeakingSpeech(params string[] languages) : ISpeechSynthesizer
    {
        public string Name => "test";

        public AudioFormat Format => AudioFormat.Wav;

        public int MaxInputCharacters => 1000;

        public Task<string?> CheckLanguageAsync(string language, CancellationToken cancellationToken) =>
            Task.FromResult(languages.Contains(Core.Languages.LanguagePacks.Primary(language), StringComparer.OrdinalIgnoreCase) ? null : $"no voice for '{language}'");

        public Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The gate never speaks.");
    }
}
