using System.Globalization;
using Microsoft.DurableTask;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The audio stage's patience with a provider's rate limit: each throttled try waits what the provider asked (at
/// least <see cref="MinWait"/>, so never a hot loop) until the episode's throttle deadline.
/// </summary>
internal sealed class ThrottleWait(DateTime started, TimeSpan allowed)
{
    /// <summary>Shortest durable timer (shorter ones fired early on the Azure Storage backend).</summary>
    public static readonly TimeSpan MinWait = TimeSpan.FromSeconds(2);

    /// <summary>The provider and the wait a throttled activity failure asked for; null for any other failure.</summary>
    public static (string Provider, TimeSpan RetryAfter)? Asked(TaskFailureDetails? failure)
    {
        for (TaskFailureDetails? f = failure; f is not null; f = f.InnerFailure)
        {
            if (f.ErrorType == typeof(ProviderThrottledException).FullName
                && ProviderThrottledException.TryParse(f.ErrorMessage, out string provider, out TimeSpan retryAfter))
            {
                return (provider, retryAfter);
            }
        }

        return null;
    }

    /// <summary>
    /// How long segment <paramref name="index"/> waits before its next try; past the deadline the stage fails with a
    /// <see cref="NonRetryableException"/> that names the provider and the time waited.
    /// </summary>
    public TimeSpan Next(DateTime now, TimeSpan asked, string provider, TimeSpan waited, int index)
    {
        TimeSpan wait = asked < MinWait ? MinWait : asked;
        if (now + wait > started + allowed)
        {
            throw new NonRetryableException(string.Create(CultureInfo.InvariantCulture,
                $"Segment {index}: {provider} kept throttling the speech; waited {waited.TotalSeconds:0} s for it, and the next wait ({wait.TotalSeconds:0} s) would pass the {allowed.TotalMinutes:0}-minute throttle deadline (Workflow:ThrottleDeadlineMinutes)."));
        }

        return wait;
    }
}
