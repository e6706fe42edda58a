using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Thrown when the configured speech provider cannot be used at all (not installed, not configured); retrying
/// will not help, so the workflow treats it as fatal for the audio stage.
/// </summary>
public sealed class SpeechProviderUnavailableException(string message, Exception? innerException = null)
    : NonRetryableException(message, innerException ?? new InvalidOperationException(message))
{
    /// <summary>The espeak-ng executable could not be started.</summary>
    public static SpeechProviderUnavailableException EspeakNotFound(string executablePath, Exception innerException) => new(
        $"The speech provider espeak-ng could not be started from '{executablePath}' ({innerException.Message}). "
        + "Install it ('apt-get install espeak-ng' on Debian/Ubuntu, 'brew install espeak-ng' on macOS), "
        + "set Speech__Espeak__ExecutablePath to its full path, "
        + "or configure another speech provider (e.g. Speech__Provider=AzureOpenAI with its endpoint and deployment).",
        innerException);

    /// <summary>The flite executable could not be started.</summary>
    public static SpeechProviderUnavailableException FliteNotFound(string executablePath, Exception innerException) => new(
        $"The speech provider flite could not be started from '{executablePath}' ({innerException.Message}). "
        + "Install it ('apt-get install flite' on Debian/Ubuntu, 'brew install flite' on macOS), "
        + "set Speech__Flite__ExecutablePath to its full path, or give the hosts espeak-ng voices (e.g. --host Alex:en-us+m3).",
        innerException);
}
