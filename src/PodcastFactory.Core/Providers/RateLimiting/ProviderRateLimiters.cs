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

    /// <summary>The limiter of <paramref name="key"/>, created with <paramref name="settings"/> by its first user.</summary>
    public ProviderRateLimiter Get(string key, RateLimitSettings settings) =>
        _limiters.GetOrAdd(key, k => new ProviderRateLimiter(k, settings, time));
}
