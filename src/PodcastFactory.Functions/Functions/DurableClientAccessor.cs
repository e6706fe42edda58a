using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace PodcastFactory.Functions.Functions;

/// <summary>
/// Holds the invocation's <see cref="DurableTaskClient"/>. The Functions extension hands the client to a function
/// as a <c>[DurableClient]</c> binding rather than through DI, while the Core services (starter, scheduler, API)
/// take it from DI; this per-invocation holder bridges the two.
/// </summary>
public sealed class DurableClientAccessor
{
    /// <summary>The client bound to the current invocation.</summary>
    public DurableTaskClient? Client { get; set; }
}

/// <summary>DI glue for the durable client binding.</summary>
public static class DurableClientServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DurableTaskClient"/> as the client of the current invocation.</summary>
    public static IServiceCollection AddFunctionsDurableClient(this IServiceCollection services)
    {
        services.AddScoped<DurableClientAccessor>();
        services.AddScoped(sp => sp.GetRequiredService<DurableClientAccessor>().Client
            ?? throw new InvalidOperationException("No durable client is bound to this invocation: add a [DurableClient] parameter and call FunctionContext.Resolve."));
        return services;
    }

    /// <summary>Binds <paramref name="client"/> to the invocation, then resolves <typeparamref name="T"/> from its services.</summary>
    public static T Resolve<T>(this FunctionContext context, DurableTaskClient client)
        where T : notnull
    {
        context.InstanceServices.GetRequiredService<DurableClientAccessor>().Client = client;
        return context.InstanceServices.GetRequiredService<T>();
    }
}
