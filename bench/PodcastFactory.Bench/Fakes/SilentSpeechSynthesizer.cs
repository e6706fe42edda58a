using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Bench.Fakes;

/// <summary>
/// Speech with the profile's per-segment latency that writes a valid WAV of silence as long as the text would be
/// spoken (about 15 characters a second), at 8 kHz 8-bit mono so 64 concurrent episodes stay small on disk.
/// </summary>
public sealed class SilentSpeechSynthesizer(LatencyInjector latency) : ISpeechSynthesizer
{
    /// <summary>Characters spoken per second.</summary>
    public const double CharactersPerSecond = 15;

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
        byte[] silence = new byte[Math.Min(data, 8192)];
        Array.Fill(silence, _format8K.SilenceByte);
        for (long left = data; left > 0; left -= silence.Length)
        {
            await output.WriteAsync(silence.AsMemory(0, (int)Math.Min(left, silence.Length)), cancellationToken);
        }

        return new AgentUsage(AgentNames.AudioSynthesizer, Name, "silence", text.Length, 0, "characters", started.Elapsed.TotalMilliseconds, 0m);
    }
}
