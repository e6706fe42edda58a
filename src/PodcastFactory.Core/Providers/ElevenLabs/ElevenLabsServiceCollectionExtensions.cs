using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Providers.ElevenLabs;

/// <summary>Registers the ElevenLabs speech provider.</summary>
public static class ElevenLabsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ElevenLabsSpeechSynthesizer"/> as the <see cref="ISpeechSynthesizer"/>, on the same Speech client (retries, rate limit) as the OpenAI speech provider.</summary>
    public static IServiceCollection AddElevenLabsSpeech(this IServiceCollection services, SpeechOptions speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        services.AddProviderHttpClient(ProviderHttpClients.Speech, speech.Provider, speech.MaxRetries, speech.TimeoutSeconds,
            speech.Endpoint ?? SpeechOptions.ElevenLabsEndpoint, speech.PricedModel(),
            new RateLimitSettings(speech.RequestsPerMinute, null, TimeSpan.FromSeconds(speech.RateLimitMaxWaitSeconds)));
        services.AddSingleton<ISpeechSynthesizer, ElevenLabsSpeechSynthesizer>();
        return services;
    }
}
