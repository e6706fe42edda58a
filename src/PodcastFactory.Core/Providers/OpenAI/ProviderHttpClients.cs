using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Providers.RateLimiting.Shared;
using PodcastFactory.Core.Providers.Resilience;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// Named <see cref="HttpClient"/>s for the model providers, each with the resilience pipeline of
/// <see cref="ProviderResilience"/> and the deployment's shared rate limiter inside it.
/// The SDK clients send through them (their own retry policy off), so there is exactly one retry loop per call.
/// </summary>
public static class ProviderHttpClients
{
    /// <summary>Client used by the chat model.</summary>
    public const string TextModel = "PodcastFactory.TextModel";

    /// <summary>Client used by the speech endpoint.</summary>
    public const string Speech = "PodcastFactory.Speech";

    /// <summary>Provider names as they appear in the ledger and in error messages.</summary>
    public static string ProviderName(ModelProviderKind kind) => kind switch
    {
        ModelProviderKind.AzureOpenAI => "azure-openai",
        ModelProviderKind.OpenAICompatible => "openai-compatible",
        ModelProviderKind.AzureSpeech => "azure-speech",
        ModelProviderKind.ElevenLabs => "elevenlabs",
        _ => "offline",
    };

    /// <summary>The configuration section behind a named client, named in authentication and not-found errors.</summary>
    public static string? SettingsSection(string clientName) => clientName switch
    {
        TextModel => "TextModel",
        Speech => "Speech",
        _ => null,
    };

    /// <summary>
    /// Registers the named client with its resilience pipeline and, inside it, the rate limiter of the deployment at
    /// <paramref name="endpoint"/> / <paramref name="deployment"/>, shared by every client and episode of the process
    /// that calls the same deployment.
    /// </summary>
    public static IServiceCollection AddProviderHttpClient(
        this IServiceCollection services, string name, ModelProviderKind kind, int maxRetries, int timeoutSeconds,
        Uri? endpoint, string? deployment, RateLimitSettings limits, int stepAttempts = 1) =>
        services.AddLimitedHttpClient(name, ProviderName(kind), maxRetries, timeoutSeconds,
            ProviderRateLimiters.Key(ProviderName(kind), endpoint, deployment), limits, SettingsSection(name), stepAttempts);

    /// <summary>Registers a provider client: one resilience pipeline, and every request paced by the deployment's shared limiter.</summary>
    public static IServiceCollection AddLimitedHttpClient(
        this IServiceCollection services, string name, string provider, int maxRetries, int timeoutSeconds,
        string limiterKey, RateLimitSettings limits, string? settingsSection = null, int stepAttempts = 1)
    {
        ArgumentNullException.ThrowIfNull(limits);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderRateLimiters>();
        services.TryAddSingleton<SharedProviderQuotas>();
        services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddProviderResilience(Policy(provider, maxRetries, timeoutSeconds, limits, settingsSection) with { StepAttempts = stepAttempts }, limiterKey, limits)
            // Innermost: each attempt the pipeline sends is measured (status, latency, 429s).
            .AddHttpMessageHandler(() => new ProviderMetricsHandler(provider));
        return services;
    }

    /// <summary>The call policy of a client: what its SDK's network timeout and the pipeline's bounds are built from.</summary>
    public static ProviderCallPolicy Policy(string provider, int maxRetries, int timeoutSeconds, RateLimitSettings limits, string? settingsSection)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new ProviderCallPolicy(provider, maxRetries, TimeSpan.FromSeconds(timeoutSeconds), limits.MaxWait, settingsSection);
    }
}
