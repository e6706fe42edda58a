using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Providers.RateLimiting;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>Registers the Azure OpenAI / OpenAI-compatible speech provider.</summary>
public static class OpenAISpeechServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OpenAISpeechSynthesizer"/> as the <see cref="ISpeechSynthesizer"/>.</summary>
    public static IServiceCollection AddOpenAISpeech(this IServiceCollection services, SpeechOptions speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        services.AddProviderHttpClient(ProviderHttpClients.Speech, speech.Provider, speech.MaxRetries, speech.TimeoutSeconds,
            speech.Endpoint, speech.Deployment ?? speech.Model,
            new RateLimitSettings(speech.RequestsPerMinute, null, TimeSpan.FromSeconds(speech.RateLimitMaxWaitSeconds)));
        services.AddSingleton<ISpeechSynthesizer>(sp =>
        {
            SpeechOptions options = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var credential = new Lazy<TokenCredential>(() => AzureCredentials.Create(options.ManagedIdentityClientId));
            return new OpenAISpeechSynthesizer(
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IOptions<SpeechOptions>>(),
                sp.GetRequiredService<PriceTable>(),
                () => credential.Value,
                sp.GetRequiredService<ILogger<OpenAISpeechSynthesizer>>());
        });
        return services;
    }
}
