using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Local text-to-speech with flite and its CMU voices (<c>flite:rms</c>, <c>flite:slt</c>...): free, offline and
/// deterministic, and far easier to understand than espeak-ng (word error rate of an offline recognizer 19-31% against
/// 87-94%, see docs/voices.md). The text goes through a temporary file (flite reads no stdin) and the voice name is
/// checked, because flite would also accept a path or URL there. 16 kHz mono 16-bit WAV out, each voice brought to
/// about -18 dBFS RMS (<see cref="FliteVoices.GainDecibels"/>) so both hosts speak at one level, each at its own
/// speaking rate (<see cref="FliteVoices.DurationStretch"/>) so both are understood as well.
/// </summary>
public sealed class FliteSpeechSynthesizer(IOptions<FliteOptions> options, ILogger<FliteSpeechSynthesizer> logger)
{
    /// <summary>Provider name in the ledger.</summary>
    public const string ProviderName = "flite";

    readonly FliteOptions _options = options.Value;
    IReadOnlySet<string>? _voices;

    /// <summary>True when the configured flite lists its voices (<c>-lv</c>; its <c>--version</c> exits with 1).</summary>
    public bool IsAvailable() => ToolProcess.Answers(_options.ExecutablePath, "-lv");

    /// <summary>Speaks <paramref name="text"/> with the flite voice <paramref name="voice"/> (<c>flite:NAME</c>), writing a WAV to <paramref name="output"/>.</summary>
    /// <exception cref="SpeechProviderUnavailableException">flite is not installed at the configured path.</exception>
    /// <exception cref="InvalidOperationException">flite failed (its stderr is in the message), e.g. an unknown voice.</exception>
    /// <exception cref="TimeoutException">flite took longer than <see cref="FliteOptions.TimeoutSeconds"/>.</exception>
    public async Task<AgentUsage> SynthesizeAsync(string text, string voice, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(output);
        string name = FliteVoices.Resolve(voice);
        IReadOnlySet<string> installed = await VoicesAsync(cancellationToken);
        if (!installed.Contains(name))
        {
            // flite would silently speak an unknown voice with its default one.
            throw new InvalidOperationException($"flite has no voice '{name}' (installed: {string.Join(", ", installed.Order(StringComparer.Ordinal))}).");
        }

        string stem = Path.Combine(Path.GetTempPath(), $"podcastfactory-flite-{Guid.NewGuid():N}");
        string textPath = stem + ".txt", wavPath = stem + ".wav";
        long started = Stopwatch.GetTimestamp();
        try
        {
            await File.WriteAllTextAsync(textPath, text, new UTF8Encoding(false), cancellationToken);
            try
            {
                string stretch = FliteVoices.DurationStretch(name).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                await ToolProcess.RunAsync(_options.ExecutablePath, ["-voice", name, "--setf", "duration_stretch=" + stretch, "-f", textPath, "-o", wavPath], null,
                    TimeSpan.FromSeconds(_options.TimeoutSeconds), cancellationToken);
            }
            catch (Win32Exception e)
            {
                throw SpeechProviderUnavailableException.FliteNotFound(_options.ExecutablePath, e);
            }
            catch (InvalidOperationException e)
            {
                Logs.FliteFailed(logger, name, e.Message);
                throw new InvalidOperationException($"flite failed for voice '{name}' (see 'flite -lv' for the installed voices): {e.Message}", e);
            }

            byte[] wav = await File.ReadAllBytesAsync(wavPath, cancellationToken);
            using (var header = new MemoryStream(wav, writable: false))
            {
                WavHeader parsed = await WavHeader.ReadAsync(header, cancellationToken);
                PcmGain.Apply(wav, parsed.DataOffset, FliteVoices.GainDecibels(name));
            }

            await output.WriteAsync(wav, cancellationToken);
        }
        finally
        {
            File.Delete(textPath);
            File.Delete(wavPath);
        }

        double durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Logs.FliteSynthesized(logger, text.Length, name, durationMs);
        return new AgentUsage(AgentNames.AudioSynthesizer, ProviderName, name, text.Length, 0, "characters", durationMs, 0m);
    }

    // The installed voices, from "Voices available: kal awb rms slt" (asked once).
    async Task<IReadOnlySet<string>> VoicesAsync(CancellationToken cancellationToken)
    {
        if (_voices is null)
        {
            string listing;
            try
            {
                listing = await ToolProcess.RunAsync(_options.ExecutablePath, ["-lv"], null, TimeSpan.FromSeconds(_options.TimeoutSeconds), cancellationToken);
            }
            catch (Win32Exception e)
            {
                throw SpeechProviderUnavailableException.FliteNotFound(_options.ExecutablePath, e);
            }

            string names = listing.Contains(':', StringComparison.Ordinal) ? listing[(listing.IndexOf(':', StringComparison.Ordinal) + 1)..] : listing;
            _voices = names.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        return _voices;
    }
}
