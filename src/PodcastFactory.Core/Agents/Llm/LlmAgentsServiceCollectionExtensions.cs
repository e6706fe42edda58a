using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Providers.Resilience;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>Registers the text agents backed by an Azure OpenAI / OpenAI-compatible chat model.</summary>
public static class LlmAgentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LLM agents for <see cref="IResearchAgent"/>, <see cref="IScriptAgent"/>, <see cref="IEvaluatorAgent"/>
    /// and <see cref="ISocialAgent"/>. Call before <c>AddOfflineAgents</c>, whose TryAdd then leaves them in place.
    /// </summary>
    public static IServiceCollection AddLlmAgents(this IServiceCollection services, TextModelOptions text)
    {
        ArgumentNullException.ThrowIfNull(text);
        services.AddProviderHttpClient(ProviderHttpClients.TextModel, text.Provider, text.MaxRetries, text.TimeoutSeconds,
            text.Endpoint, text.Deployment ?? text.Model,
            new RateLimitSettings(text.RequestsPerMinute, text.TokensPerMinute, TimeSpan.FromSeconds(text.RateLimitMaxWaitSeconds)),
            ProviderCallPolicy.TextStepAttempts); // text steps run under it, throttled failures included
        services.AddSingleton(sp =>
        {
            TextModelOptions options = sp.GetRequiredService<IOptions<TextModelOptions>>().Value;
            HttpClient http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ProviderHttpClients.TextModel);
            return new LlmModel(
                ChatClientFactory.Create(options, http),
                ProviderHttpClients.ProviderName(options.Provider),
                ChatClientFactory.PricedModel(options.Model, options.Deployment),
                sp.GetRequiredService<PriceTable>(),
                ChatSampling.From(options));
        });
        services.AddSingleton<StructuredChat>();
        services.AddSingleton<OfflineEvaluatorAgent>();
        services.AddSingleton<IResearchAgent, LlmResearchAgent>();
        services.AddSingleton<IScriptAgent, LlmScriptAgent>();
        services.AddSingleton<IEvaluatorAgent, LlmEvaluatorAgent>();
        services.AddSingleton<ISocialAgent, LlmSocialAgent>();
        services.AddSingleton<IQueryWriter, LlmQueryWriter>();
        return services;
    }
}
