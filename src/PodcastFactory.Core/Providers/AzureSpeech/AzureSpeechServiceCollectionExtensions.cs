using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Providers.AzureSpeech;

/// <summary>Registers the Azure AI Speech provider.</summary>
public static class AzureSpeechServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AzureSpeechSynthesizer"/> as the <see cref="ISpeechSynthesizer"/>, on the same Speech client (retries, rate limit) as the OpenAI speech provider.</summary>
    public static IServiceCollection AddAzureSpeech(this IServiceCollection services, SpeechOptions speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        services.AddProviderHttpClient(ProviderHttpClients.Speech, speech.Provider, speech.MaxRetries, speech.TimeoutSeconds,
            speech.Endpoint, speech.PricedModel(),
            new RateLimitSettings(speech.RequestsPerMinute, null, TimeSpan.FromSeconds(speech.RateLimitMaxWaitSeconds)));
        services.AddSingleton<ISpeechSynthesizer>(sp =>
        {
            SpeechOptions options = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var credential = new Lazy<TokenCredential>(() => AzureCredentials.Create(options.ManagedIdentityClientId));
            return new AzureSpeechSynthesizer(
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IOptions<SpeechOptions>>(),
                sp.GetRequiredService<PriceTable>(),
                () => credential.Value,
                sp.GetRequiredService<ILogger<AzureSpeechSynthesizer>>());
        });
        return services;
    }
}
