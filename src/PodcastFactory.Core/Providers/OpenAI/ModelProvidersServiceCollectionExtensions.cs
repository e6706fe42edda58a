using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Llm;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>Registers the Azure OpenAI / OpenAI-compatible text agents and speech provider.</summary>
public static class ModelProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LLM agents for <see cref="IResearchAgent"/>, <see cref="IScriptAgent"/>, <see cref="IEvaluatorAgent"/>
    /// and <see cref="ISocialAgent"/>. Call before <c>AddOfflineAgents</c>, whose TryAdd then leaves them in place.
    /// </summary>
    public static IServiceCollection AddLlmAgents(this IServiceCollection services, TextModelOptions text)
    {
        ArgumentNullException.ThrowIfNull(text);
        services.AddProviderHttpClient(ProviderHttpClients.TextModel, text.Provider, text.MaxRetries, text.TimeoutSeconds);
        services.AddSingleton(sp =>
        {
            TextModelOptions options = sp.GetRequiredService<IOptions<TextModelOptions>>().Value;
            HttpClient http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ProviderHttpClients.TextModel);
            return new LlmModel(
                ChatClientFactory.Create(options, http),
                ProviderHttpClients.ProviderName(options.Provider),
                ChatClientFactory.PricedModel(options.Model, options.Deployment),
                sp.GetRequiredService<PriceTable>());
        });
        services.AddSingleton<StructuredChat>();
        services.AddSingleton<OfflineEvaluatorAgent>();
        services.AddSingleton<IResearchAgent, LlmResearchAgent>();
        services.AddSingleton<IScriptAgent, LlmScriptAgent>();
        services.AddSingleton<IEvaluatorAgent, LlmEvaluatorAgent>();
        services.AddSingleton<ISocialAgent, LlmSocialAgent>();
        return services;
    }

    /// <summary>Registers <see cref="OpenAISpeechSynthesizer"/> as the <see cref="ISpeechSynthesizer"/>.</summary>
    public static IServiceCollection AddOpenAISpeech(this IServiceCollection services, SpeechOptions speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        services.AddProviderHttpClient(ProviderHttpClients.Speech, speech.Provider, speech.MaxRetries, speech.TimeoutSeconds);
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
