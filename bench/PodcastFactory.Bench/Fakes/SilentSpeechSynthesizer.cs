using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Bench.Fakes;

/// <summary>
/// Speech with the profile's per-segment latency that writes a valid WAV of a faint voice-band hum as long as the text would be
/// spoken (about 15 characters a second), at 8 kHz 8-bit mono so 64 concurrent episodes stay small on disk. Priced like
/// OpenAI tts-1 (<see cref="UsdPerMillionCharacters"/>), so cost figures (the re-voice scenario's) are not all zero.
/// </summary>
public sealed class SilentSpeechSynthesizer(LatencyInjector latency) : ISpeechSynthesizer
{
    /// <summary>Characters spoken per second.</summary>
    public const double CharactersPerSecond = 15;

    /// <summary>The price charged per million characters: OpenAI tts-1's list price.</summary>
    public const decimal UsdPerMillionCharacters = 15m;

    // 8000 / 200 Hz: the hum's period in samples; the buffer holds whole periods so it repeats seamlessly.
    const int HumPeriod = 40;

    static readonly WavFormat _format8K = new(8000, 1, 8);

    /// <inheritdoc />
    public string Name => "bench-silence";

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Wav;

    /// <inheritdoc />
    public int MaxInputCharacters => 4096;

    /// <inheritdoc />
    public async Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await latency.DelayAsync(AgentKind.Speech, cancellationToken);
        long data = (long)(text.Length / CharactersPerSecond * _format8K.ByteRate);
        await output.WriteAsync(WavHeader.CreateCanonical(_format8K, data), cancellationToken);
        byte[] silence = new byte[Math.Min(data, HumPeriod * 200)];
        // A faint 200 Hz hum (about -15 dBFS) rather than digital silence: the publish stage refuses to master an episode
        // below the -70 LUFS gate, and the episode must complete to be measured. It sits in the voice band, as speech
        // does: an earlier 4 kHz hum (the Nyquist frequency at 8 kHz) was removed by the MP3 encoder, so every bench
        // master measured -70 LUFS after encoding and ran its corrective passes on nothing.
        for (int i = 0; i < silence.Length; i++)
        {
            silence[i] = (byte)(_format8K.SilenceByte + (int)Math.Round(24 * Math.Sin(2 * Math.PI * i / HumPeriod)));
        }

        for (long left = data; left > 0; left -= silence.Length)
        {
            await output.WriteAsync(silence.AsMemory(0, (int)Math.Min(left, silence.Length)), cancellationToken);
        }

        return new AgentUsage(AgentNames.AudioSynthesizer, Name, "silence", text.Length, 0, "characters", started.Elapsed.TotalMilliseconds,
            text.Length * UsdPerMillionCharacters / 1_000_000m);
    }
}
