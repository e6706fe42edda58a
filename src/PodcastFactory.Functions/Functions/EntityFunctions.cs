using Microsoft.Azure.Functions.Worker;
using PodcastFactory.Core.Providers.RateLimiting.Shared;

namespace PodcastFactory.Functions.Functions;

/// <summary>The Durable Entities of the app: one per provider deployment, holding the shares of its rate limit.</summary>
public static class EntityFunctions
{
    /// <summary>Runs <see cref="ProviderQuotaEntity"/>.</summary>
    [Function(ProviderQuotaEntity.Name)]
    public static Task ProviderQuota([EntityTrigger] TaskEntityDispatcher dispatcher) =>
        dispatcher.DispatchAsync<ProviderQuotaEntity>();
}
