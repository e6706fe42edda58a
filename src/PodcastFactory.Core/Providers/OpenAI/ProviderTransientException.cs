using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// A provider kept failing with 429/5xx or timeouts after every in-activity retry. Not marked non-retryable:
/// the durable retry policy decides whether the activity runs again. Not billed as such: the refusals were not, and
/// each timed-out sending is journaled on its own as possibly billed by <see cref="ProviderRetryHandler"/>.
/// </summary>
public sealed class ProviderTransientException : Exception, INotBilledFailure
{
    /// <summary>Creates the exception.</summary>
    public ProviderTransientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ProviderTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProviderTransientException()
    {
    }
}
