using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>Registers webhook delivery: options, the store, the secret protector and the sender's HttpClient.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// The sender's client never redirects, never uses a proxy (so the connect callback checks the address really
    /// connected to) and never decompresses (the answer is dropped anyway).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds),
                ConnectCallback = SourceAddressPolicy.ConnectCallback(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.AllowPrivateNetworkSources),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<WebhookSecrets>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddTransient<WebhookSubscriptions>();
        return services;
    }
}
