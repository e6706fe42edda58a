using System.Globalization;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>
/// A provider's rate limit asks for a longer wait than an activity should hold a thread for. Retryable and not billed
/// (nothing was sent, or the provider refused): the orchestrator waits on a durable timer for <see cref="RetryAfter"/>
/// and tries again. The wait travels in the message (<c>retry-after-ms=</c>) because failure details keep only text.
/// </summary>
public sealed partial class ProviderThrottledException : Exception, INotBilledFailure
{
    /// <summary>Creates the exception for <paramref name="provider"/> asking for <paramref name="retryAfter"/>.</summary>
    public ProviderThrottledException(string provider, TimeSpan retryAfter, string reason)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"{provider} is rate limited ({reason}); try again in {retryAfter.TotalSeconds:0.#} s [provider={provider}; retry-after-ms={(long)retryAfter.TotalMilliseconds}]"))
    {
        Provider = provider;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception.</summary>
    public ProviderThrottledException()
    {
        Provider = "";
    }

    /// <summary>Creates the exception.</summary>
    public ProviderThrottledException(string message)
        : base(message)
    {
        Provider = "";
    }

    /// <summary>Creates the exception.</summary>
    public ProviderThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
        Provider = "";
    }

    /// <summary>The provider that throttled.</summary>
    public string Provider { get; }

    /// <summary>How long the provider (or the limiter) asked to wait.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Reads the provider and the wait back from a message this exception wrote (e.g. a durable failure's).</summary>
    public static bool TryParse(string? message, out string provider, out TimeSpan retryAfter)
    {
        Match match = message is null ? Match.Empty : Marker().Match(message);
        provider = match.Success ? match.Groups[1].Value : "";
        retryAfter = match.Success ? TimeSpan.FromMilliseconds(long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : TimeSpan.Zero;
        return match.Success;
    }

    [GeneratedRegex(@"\[provider=([^;\]]*); retry-after-ms=(\d+)\]")]
    private static partial Regex Marker();
}
