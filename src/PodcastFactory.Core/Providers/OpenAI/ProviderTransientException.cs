using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// A provider kept failing with 5xx, timeouts or lost connections on every request the resilience pipeline sent for a
/// call (<see cref="Resilience.ProviderCallPolicy.MaxRequests"/>, jittered backoff between them). The workflow's retry
/// policies treat it as final, so the call's requests are bounded by that one figure and its message states it (before,
/// 3 HTTP tries x 3 workflow tries sent 9 while the message said 3). Not billed as such: the refusals were not, and each
/// timed-out or cut-off sending is journaled on its own as possibly billed.
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
