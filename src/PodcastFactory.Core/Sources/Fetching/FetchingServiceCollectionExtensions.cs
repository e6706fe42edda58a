using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>Registers <see cref="BoundedFetcher"/> and its HttpClient.</summary>
public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// The fetch client never redirects by itself (the fetcher checks each hop), decompresses (the byte cap counts the
    /// decompressed body), and uses no proxy unless <c>Fetch:Proxy</c> is set, so by default the connect callback checks
    /// the address actually connected to, whatever <c>HTTP_PROXY</c> says.
    /// </summary>
    public static IServiceCollection AddBoundedFetcher(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(BoundedFetcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                FetchOptions fetch = sp.GetRequiredService<IOptions<FetchOptions>>().Value;
                bool allowPrivate = sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.AllowPrivateNetworkSources;
                var handler = new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    UseProxy = fetch.Proxy is not null,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                };
                if (fetch.Proxy is null)
                {
                    handler.ConnectCallback = SourceAddressPolicy.ConnectCallback(allowPrivate);
                }
                else
                {
                    handler.Proxy = new WebProxy(fetch.Proxy);
                }

                return handler;
            });
        services.TryAddSingleton<BoundedFetcher>();
        return services;
    }
}
