using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.IntegrationTests.Audio;

/// <remarks>These tests need flite and espeak-ng and fail (not skip) without them; the test command installs both.</remarks>
public sealed class FliteSpeechSynthesizerTests
{
    const string TenWords = "Bees visit thousands of flowers every day to make honey.";

    static FliteSpeechSynthesizer Flite(string executablePath = "flite") =>
        new(Options.Create(new FliteOptions { ExecutablePath = executablePath }), NullLogger<FliteSpeechSynthesizer>.Instance);

    static LocalSpeechSynthesizer Local(string flitePath = "flite") =>
        new(new EspeakSpeechSynthesizer(Options.Create(new EspeakOptions()), NullLogger<EspeakSpeechSynthesizer>.Instance),
            Flite(flitePath), new EspeakVoiceCatalog(Options.Create(new EspeakOptions())), NullLogger<LocalSpeechSynthesizer>.Instance);

    static void RequireFlite() =>
        Assert.True(Flite().IsAvailable(), "flite is not installed or not on PATH: install it ('apt-get install flite' or 'brew install flite') to run the speech tests.");

    static async Task<WavHeader> SpeakAsync(LocalSpeechSynthesizer speech, string voice, MemoryStream output)
    {
        await speech.SynthesizeAsync(TenWords, voice, "en", output, CancellationToken.None);
        output.Position = 0;
        return await WavHeader.ReadAsync(output, CancellationToken.None);
    }

    [Theory]
    [InlineData(FliteVoices.Male)]
    [InlineData(FliteVoices.Female)]
    public async Task SynthesizeAsync_FliteVoice_WritesSixteenKilohertzWavOfPlausibleDuration(string voice)
    {
        RequireFlite();
        using var output = new MemoryStream();

        AgentUsage usage = await Flite().SynthesizeAsync(TenWords, voice, output, CancellationToken.None);

        output.Position = 0;
        WavHeader header = await WavHeader.ReadAsync(output, CancellationToken.None);
        Assert.Equal((16000, 16, 1), (header.Format.SampleRate, header.Format.BitsPerSample, header.Format.Channels));
        // 10 words at about 150 words per minute is about 4 s; allow +-50%.
        Assert.InRange(WavDuration.FromDataLength(header.DataLength!.Value, header.Format).TotalSeconds, 4 * 0.5, 4 * 1.5);
        Assert.Equal(("flite", voice[FliteVoices.Prefix.Length..]), (usage.Provider, usage.Model));
    }

    [Fact]
    public async Task SynthesizeAsync_PauseMark_IsSilenceOfThePauseLengthBetweenThePiecesAroundIt()
    {
        RequireFlite();
        LocalSpeechSynthesizer speech = Local();
        const string before = "Bees visit flowers.", after = "They make honey.";

        TimeSpan paused = await DurationAsync(speech, new PodcastFactory.Core.Providers.SpeechInput($"{before} [pause] *{after}*", FliteVoices.Male, "en"));
        TimeSpan first = await DurationAsync(speech, new PodcastFactory.Core.Providers.SpeechInput(before, FliteVoices.Male, "en"));
        TimeSpan second = await DurationAsync(speech, new PodcastFactory.Core.Providers.SpeechInput(after, FliteVoices.Male, "en"));

        // flite is deterministic: the pieces are spoken as they are alone, and the pause is exactly its silence.
        Assert.Equal((first + second + TimeSpan.FromMilliseconds(SpeechMarks.PauseMs)).TotalMilliseconds, paused.TotalMilliseconds, 1.0);
    }

    static async Task<TimeSpan> DurationAsync(LocalSpeechSynthesizer speech, PodcastFactory.Core.Providers.SpeechInput input)
    {
        using var output = new MemoryStream();
        await speech.SynthesizeAsync(input, output, CancellationToken.None);
        output.Position = 0;
        WavHeader header = await WavHeader.ReadAsync(output, CancellationToken.None);
        return WavDuration.FromDataLength(header.DataLength!.Value, header.Format);
    }

    [Fact]
    public async Task SynthesizeAsync_MissingFlite_ThrowsUnavailableNamingTheInstall()
    {
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<SpeechProviderUnavailableException>(() =>
            Flite("/nonexistent/bin/flite").SynthesizeAsync(TenWords, FliteVoices.Male, output, CancellationToken.None));

        Assert.Contains("apt-get install flite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_UnknownFliteVoice_ThrowsNamingTheVoice()
    {
        RequireFlite();
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Flite().SynthesizeAsync(TenWords, "flite:nosuchvoice", output, CancellationToken.None));

        Assert.Contains("nosuchvoice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalSynthesizeAsync_FliteAndEspeakVoices_RoutedByPrefix()
    {
        RequireFlite();
        using var flite = new MemoryStream();
        using var espeak = new MemoryStream();

        WavHeader fromFlite = await SpeakAsync(Local(), FliteVoices.Female, flite);
        WavHeader fromEspeak = await SpeakAsync(Local(), "en-us+f3", espeak);

        Assert.Equal((16000, 22050), (fromFlite.Format.SampleRate, fromEspeak.Format.SampleRate));
    }

    [Fact]
    public async Task LocalSynthesizeAsync_FliteMissing_FallsBackToEspeakOfTheSameKind()
    {
        using var output = new MemoryStream();

        WavHeader header = await SpeakAsync(Local("/nonexistent/bin/flite"), FliteVoices.Female, output);

        Assert.Equal(22050, header.Format.SampleRate);
    }
}
