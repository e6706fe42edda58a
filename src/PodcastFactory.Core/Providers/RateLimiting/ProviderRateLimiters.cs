using System.Collections.Concurrent;

namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>
/// Every <see cref="ProviderRateLimiter"/> of the process, one per provider deployment (provider + endpoint +
/// deployment or model), so all episodes and all named clients that call one deployment share its limits.
/// </summary>
public sealed class ProviderRateLimiters(TimeProvider time)
{
    readonly ConcurrentDictionary<string, ProviderRateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The key of a deployment: what the provider counts its limits against.</summary>
    public static string Key(string provider, Uri? endpoint, string? deployment) =>
        $"{provider}|{endpoint?.GetLeftPart(UriPartial.Path).TrimEnd('/')}|{deployment}";

    /// <summary>Every limiter created so far.</summary>
    public IReadOnlyCollection<ProviderRateLimiter> All => [.. _limiters.Values];

    /// <summary>The limiter of <paramref name="key"/>, created with <paramref name="settings"/> by its first user.</summary>
    public ProviderRateLimiter Get(string key, RateLimitSettings settings)
    {
        if (_limiters.TryGetValue(key, out ProviderRateLimiter? existing))
        {
            return existing;
        }

        var created = new ProviderRateLimiter(key, settings, time);
        ProviderRateLimiter limiter = _limiters.GetOrAdd(key, created);
        if (ReferenceEquals(limiter, created))
        {
            Created?.Invoke(limiter);
        }

        return limiter;
    }

    /// <summary>Raised once per new limiter, before its first call (limit sharing holds it until its first share).</summary>
    public event Action<ProviderRateLimiter>? Created;
}
