using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.IntegrationTests.Audio;

/// <remarks>These tests need espeak-ng and fail (not skip) without it; the test command installs it.</remarks>
public sealed class EspeakSpeechSynthesizerTests
{
    const string TenWords = "Bees visit thousands of flowers every day to make honey.";

    static EspeakSpeechSynthesizer Create(string executablePath = "espeak-ng") =>
        new(Options.Create(new EspeakOptions { ExecutablePath = executablePath }), NullLogger<EspeakSpeechSynthesizer>.Instance);

    static void RequireEspeak() =>
        Assert.True(EspeakSpeechSynthesizer.IsAvailable(),
            "espeak-ng is not installed or not on PATH: install it ('apt-get install espeak-ng' or 'brew install espeak-ng') to run the speech tests.");

    [Theory]
    [InlineData("en-us+m3")]
    [InlineData("en-us+f3")]
    [InlineData("alloy")]
    public async Task SynthesizeAsync_Voice_WritesValidWavOfPlausibleDuration(string voice)
    {
        RequireEspeak();
        using var output = new MemoryStream();

        AgentUsage usage = await Create().SynthesizeAsync(TenWords, voice, "en", output, CancellationToken.None);

        output.Position = 0;
        WavHeader header = await WavHeader.ReadAsync(output, CancellationToken.None);
        Assert.Equal(16, header.Format.BitsPerSample);
        Assert.Equal(header.DataOffset + header.DataLength, output.Length);
        // 10 words at 165 words per minute is about 3.6 s; allow +-50%.
        TimeSpan duration = WavDuration.FromDataLength(header.DataLength!.Value, header.Format);
        Assert.InRange(duration.TotalSeconds, 3.6 * 0.5, 3.6 * 1.5);
        Assert.Equal((AgentNames.AudioSynthesizer, "espeak-ng", (long)TenWords.Length, "characters", 0m),
            (usage.Agent, usage.Provider, usage.InputUnits, usage.UnitKind, usage.CostUsd));
        Assert.True(usage.DurationMs > 0);
    }

    [Fact]
    public async Task SynthesizeAsync_TwoHostVoices_ProduceDifferentAudio()
    {
        RequireEspeak();
        using var male = new MemoryStream();
        using var female = new MemoryStream();

        await Create().SynthesizeAsync(TenWords, "en-us+m3", "en", male, CancellationToken.None);
        await Create().SynthesizeAsync(TenWords, "en-us+f3", "en", female, CancellationToken.None);

        Assert.NotEqual(male.ToArray(), female.ToArray());
    }

    [Fact]
    public async Task SynthesizeAsync_TextStartingWithDashesAndQuotes_IsSpokenNotParsedAsOptions()
    {
        RequireEspeak();
        using var output = new MemoryStream();

        await Create().SynthesizeAsync("--version; \"quoted\" $(rm -rf /) & more", "en-us+m3", "en", output, CancellationToken.None);

        output.Position = 0;
        WavHeader header = await WavHeader.ReadAsync(output, CancellationToken.None);
        Assert.True(WavDuration.FromDataLength(header.DataLength!.Value, header.Format) > TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SynthesizeAsync_UnknownEspeakVoice_ThrowsWithEspeakError()
    {
        RequireEspeak();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Create().SynthesizeAsync("Hello.", "xx-nosuchvoice", "en", new MemoryStream(), CancellationToken.None));

        Assert.Contains("voice does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_CancelledToken_ThrowsOperationCanceled()
    {
        RequireEspeak();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Create().SynthesizeAsync(TenWords, "en-us+m3", "en", new MemoryStream(), cancelled.Token));
    }

    [Fact]
    public async Task SynthesizeAsync_MissingExecutable_ThrowsUnavailableWithInstallHint()
    {
        var synthesizer = Create("/nonexistent/bin/espeak-ng");

        var error = await Assert.ThrowsAsync<SpeechProviderUnavailableException>(
            () => synthesizer.SynthesizeAsync("Hello.", "en-us+m3", "en", new MemoryStream(), CancellationToken.None));

        Assert.Contains("apt-get install espeak-ng", error.Message, StringComparison.Ordinal);
        Assert.Contains("brew install espeak-ng", error.Message, StringComparison.Ordinal);
        Assert.Contains("Speech__Provider", error.Message, StringComparison.Ordinal);
        Assert.False(EspeakSpeechSynthesizer.IsAvailable("/nonexistent/bin/espeak-ng"));
    }

    [Fact]
    public async Task SynthesizeAsync_TextOverLimit_ThrowsArgumentException()
    {
        var synthesizer = new EspeakSpeechSynthesizer(
            Options.Create(new EspeakOptions { MaxInputCharacters = 20 }), NullLogger<EspeakSpeechSynthesizer>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(
            () => synthesizer.SynthesizeAsync(new string('a', 21), "en-us+m3", "en", new MemoryStream(), CancellationToken.None));
        Assert.Equal(20, synthesizer.MaxInputCharacters);
    }

    [Theory]
    [InlineData("alloy", "en", "en-us+f2")]
    [InlineData("ONYX", "en", "en-us+m5")]
    [InlineData("nova", "de", "de+f3")]
    [InlineData("en-gb+m1", "en", "en-gb+m1")]
    public void Resolve_Voice_MapsDeterministically(string voice, string language, string expected)
    {
        Assert.Equal(expected, EspeakVoices.Resolve(voice, language));
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("en us")]
    [InlineData("en-us+m3;rm")]
    public void Resolve_MalformedVoice_Throws(string voice)
    {
        Assert.Throws<ArgumentException>(() => EspeakVoices.Resolve(voice, "en"));
    }
}
