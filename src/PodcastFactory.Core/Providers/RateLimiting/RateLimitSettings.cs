namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>The limits one provider deployment is paced by.</summary>
/// <param name="RequestsPerMinute">Configured request limit; null: learned from the answers' headers.</param>
/// <param name="TokensPerMinute">Configured token limit (text models); null: learned from the answers' headers.</param>
/// <param name="MaxWait">Longest a call waits for its turn inside an activity; a longer wait fails the attempt with <see cref="ProviderThrottledException"/>.</param>
/// <param name="MaxConcurrency">Ceiling of the adaptive concurrency (calls in flight to the deployment from this process).</param>
public sealed record RateLimitSettings(int? RequestsPerMinute, int? TokensPerMinute, TimeSpan MaxWait, int MaxConcurrency = RateLimitSettings.DefaultMaxConcurrency)
{
    /// <summary>Default ceiling of calls in flight to one deployment from one process.</summary>
    public const int DefaultMaxConcurrency = 32;

    /// <summary>Default longest wait inside an activity.</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Nothing configured: every limit is learned from the provider's headers.</summary>
    public static readonly RateLimitSettings Learned = new(null, null, DefaultMaxWait);
}
