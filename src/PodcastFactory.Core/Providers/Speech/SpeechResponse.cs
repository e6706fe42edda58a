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
}
