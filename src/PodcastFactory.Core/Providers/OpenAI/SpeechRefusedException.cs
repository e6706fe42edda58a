using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>The speech endpoint answered with a status that is not success: refused, so not billed.</summary>
public sealed class SpeechRefusedException : InvalidOperationException, INotBilledFailure
{
    /// <summary>Creates the exception.</summary>
    public SpeechRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SpeechRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SpeechRefusedException()
    {
    }
}
