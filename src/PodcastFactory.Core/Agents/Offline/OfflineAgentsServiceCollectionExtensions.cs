using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Registers the offline agents.</summary>
public static class OfflineAgentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the four offline agents as singletons for their interfaces. Uses TryAdd, so an agent registered
    /// earlier (a configured model provider) wins and the offline agent only fills the gaps.
    /// </summary>
    public static IServiceCollection AddOfflineAgents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IResearchAgent, OfflineResearchAgent>();
        services.TryAddSingleton<IScriptAgent, OfflineScriptAgent>();
        services.TryAddSingleton<IEvaluatorAgent, OfflineEvaluatorAgent>();
        services.TryAddSingleton<ISocialAgent, OfflineSocialAgent>();
        services.TryAddSingleton<IQueryWriter, KeywordQueryWriter>();
        return services;
    }
}
