using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>Reading a speech provider's answer within a size bound, its refusal as <see cref="SpeechRefusedException"/>.</summary>
public static class SpeechResponse
{
    /// <summary>Largest answer read from a provider (a voice list, or one segment's audio).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Copies a successful answer's body to <paramref name="output"/> (at most <see cref="MaxBytes"/>); a failure throws with the provider's message.</summary>
    public static async Task CopyAsync(string provider, HttpResponseMessage response, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            string message = await ProviderErrorMessage.ReadAsync(response, cancellationToken);
            throw new SpeechRefusedException($"{provider} speech failed with {(int)response.StatusCode}: {message}");
        }

        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                throw new NonRetryableException($"{provider} answered with more than {MaxBytes / (1024 * 1024)} MB.");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>
    /// Hands one segment's paid MP3 audio to <paramref name="output"/> after measuring it (a body that is no MP3 throws
    /// here, after the call was journaled as paid), logs the synthesis and returns its usage.
    /// </summary>
    public static async Task<AgentUsage> DeliverMp3Async(
        MemoryStream audio, Stream output, AgentUsage usage, string voice, long startedTimestamp, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(usage);
        audio.Position = 0;
        Mp3Info info = await Mp3Info.MeasureAsync(audio, cancellationToken);
        audio.Position = 0;
        await audio.CopyToAsync(output, cancellationToken);

        double durationMs = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        Logs.SpeechSynthesized(logger, (int)usage.InputUnits, voice, info.FrameCount, durationMs);
        return usage with { DurationMs = durationMs };
    }
}
