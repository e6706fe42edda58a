using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Local text-to-speech with the espeak-ng command-line tool: free, offline and deterministic. The text goes in
/// on stdin (never through a shell or the command line) and espeak-ng writes a WAV to a temporary file with
/// <c>-w</c>, because with <c>--stdout</c> it writes a placeholder size it cannot patch on a pipe.
/// </summary>
public sealed partial class EspeakSpeechSynthesizer(IOptions<EspeakOptions> options, ILogger<EspeakSpeechSynthesizer> logger)
    : ISpeechSynthesizer
{
    /// <summary>Provider name in the ledger.</summary>
    public const string ProviderName = "espeak-ng";

    readonly EspeakOptions _options = options.Value;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Wav;

    /// <inheritdoc />
    public int MaxInputCharacters => _options.MaxInputCharacters;

    /// <inheritdoc />
    /// <exception cref="SpeechProviderUnavailableException">espeak-ng is not installed at the configured path.</exception>
    /// <exception cref="InvalidOperationException">espeak-ng failed (its stderr is in the message).</exception>
    /// <exception cref="TimeoutException">espeak-ng took longer than <see cref="EspeakOptions.TimeoutSeconds"/>.</exception>
    public async Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(output);
        if (text.Length > MaxInputCharacters)
        {
            throw new ArgumentException($"Text is {text.Length} characters; espeak-ng accepts at most {MaxInputCharacters} per call.", nameof(text));
        }

        string espeakVoice = EspeakVoices.Resolve(voice, language);
        string wavPath = Path.Combine(Path.GetTempPath(), $"podcastfactory-espeak-{Guid.NewGuid():N}.wav");
        long started = Stopwatch.GetTimestamp();
        try
        {
            await RunAsync(text, espeakVoice, wavPath, cancellationToken);
            var wav = new FileStream(wavPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            await using (wav.ConfigureAwait(false))
            {
                await WavHeader.ReadAsync(wav, cancellationToken);
                wav.Position = 0;
                await wav.CopyToAsync(output, cancellationToken);
            }
        }
        finally
        {
            File.Delete(wavPath);
        }

        double durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Logs.EspeakSynthesized(logger, text.Length, espeakVoice, durationMs);
        return new AgentUsage(AgentNames.AudioSynthesizer, ProviderName, espeakVoice, text.Length, 0, "characters", durationMs, 0m);
    }

    /// <summary>True when <paramref name="executablePath"/> starts and answers <c>--version</c> within 10 seconds.</summary>
    public static bool IsAvailable(string executablePath = "espeak-ng") => ToolProcess.Answers(executablePath, "--version");

    async Task RunAsync(string text, string voice, string wavPath, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-v", voice, "-s", _options.WordsPerMinute.ToString(CultureInfo.InvariantCulture), "-b", "1", "-w", wavPath, "--stdin",
        ];
        try
        {
            await ToolProcess.RunAsync(_options.ExecutablePath, arguments, text, TimeSpan.FromSeconds(_options.TimeoutSeconds), cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw SpeechProviderUnavailableException.EspeakNotFound(_options.ExecutablePath, e);
        }
        catch (ToolExitException e)
        {
            Logs.EspeakFailed(logger, e.ExitCode, voice, e.Errors);
            throw new InvalidOperationException($"espeak-ng exited with code {e.ExitCode} (voice '{voice}'): {e.Errors}", e);
        }
    }
}
