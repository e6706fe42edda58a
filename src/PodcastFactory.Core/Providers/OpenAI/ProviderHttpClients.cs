using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// Named <see cref="HttpClient"/>s for the model providers, each with one <see cref="ProviderRetryHandler"/> and the
/// deployment's shared <see cref="RateLimitHandler"/>.
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

    /// <summary>
    /// Longest a whole call may take: every attempt timing out plus the longest wait between attempts. The SDK's
    /// network timeout is set to this so it never cuts the handler's retries short.
    /// </summary>
    public static TimeSpan CallBudget(int timeoutSeconds, int maxRetries) =>
        (TimeSpan.FromSeconds(timeoutSeconds) * (1 + maxRetries)) + (ProviderRetryHandler.MaxDelay * maxRetries);

    /// <summary>The configuration section behind a named client, named in authentication and not-found errors.</summary>
    public static string? SettingsSection(string clientName) => clientName switch
    {
        TextModel => "TextModel",
        Speech => "Speech",
        _ => null,
    };

    /// <summary>
    /// Registers the named client with its retry handler and, inside it, the rate limiter of the deployment at
    /// <paramref name="endpoint"/> / <paramref name="deployment"/>, shared by every client and episode of the process
    /// that calls the same deployment.
    /// </summary>
    public static IServiceCollection AddProviderHttpClient(
        this IServiceCollection services, string name, ModelProviderKind kind, int maxRetries, int timeoutSeconds,
        Uri? endpoint, string? deployment, RateLimitSettings limits) =>
        services.AddLimitedHttpClient(name, ProviderName(kind), maxRetries, timeoutSeconds,
            ProviderRateLimiters.Key(ProviderName(kind), endpoint, deployment), limits, SettingsSection(name));

    /// <summary>Registers a provider client: one retry loop, and every attempt paced by the deployment's shared limiter.</summary>
    public static IServiceCollection AddLimitedHttpClient(
        this IServiceCollection services, string name, string provider, int maxRetries, int timeoutSeconds,
        string limiterKey, RateLimitSettings limits, string? settingsSection = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderRateLimiters>();
        services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new ProviderRetryHandler(
                provider, maxRetries, TimeSpan.FromSeconds(timeoutSeconds),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<ProviderRetryHandler>(),
                settingsSection))
            .AddHttpMessageHandler(sp => new RateLimitHandler(
                sp.GetRequiredService<ProviderRateLimiters>().Get(limiterKey, limits),
                provider,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<RateLimitHandler>()));
        return services;
    }
}
