using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Bench.Fakes;

/// <summary>Replaces the agents and speech provider with the delayed fakes, all sharing one <see cref="LatencyInjector"/>.</summary>
public static class BenchProviders
{
    /// <summary>Registers the fakes (replacing whatever <c>AddPodcastFactory</c> registered).</summary>
    public static IServiceCollection AddDelayedProviders(this IServiceCollection services, LatencyInjector latency)
    {
        services.AddSingleton(latency);
        services.AddSingleton<OfflineResearchAgent>();
        services.AddSingleton<OfflineScriptAgent>();
        services.AddSingleton<OfflineEvaluatorAgent>();
        services.AddSingleton<OfflineSocialAgent>();
        services.Replace(ServiceDescriptor.Singleton<IResearchAgent, DelayedResearchAgent>());
        services.Replace(ServiceDescriptor.Singleton<IScriptAgent, DelayedScriptAgent>());
        services.Replace(ServiceDescriptor.Singleton<IEvaluatorAgent, DelayedEvaluatorAgent>());
        services.Replace(ServiceDescriptor.Singleton<ISocialAgent, DelayedSocialAgent>());
        services.Replace(ServiceDescriptor.Singleton<ISpeechSynthesizer, SilentSpeechSynthesizer>());
        return services;
    }
}
