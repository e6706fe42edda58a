using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Providers.Resilience;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>Registers the configured <see cref="ISearchProvider"/> (none when <c>Search:Provider</c> is None).</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient the search providers send through (one <see cref="Resilience.ProviderResilience"/> pipeline).</summary>
    public const string HttpClientName = "PodcastFactory.Search";

    /// <summary>Validates <c>Search</c> at start and registers the chosen provider with its retrying HttpClient.</summary>
    public static IServiceCollection AddWebSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        SearchOptions search = configuration.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions();
        if (search.Provider == SearchProviderKind.None)
        {
            return services;
        }

        string provider = search.Provider.ToString().ToLowerInvariant();
        // Search limits are learned from the answers' headers (Tavily and Brave send them).
        services.AddLimitedHttpClient(HttpClientName, provider, search.MaxRetries, search.TimeoutSeconds,
            ProviderRateLimiters.Key(provider, null, search.Endpoint), RateLimitSettings.Learned,
            stepAttempts: ProviderCallPolicy.TextStepAttempts); // research steps run under it, throttled failures included
        services.TryAddSingleton<ISearchProvider>(sp =>
        {
            SearchOptions options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            HttpClient http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return options.Provider switch
            {
                SearchProviderKind.Tavily => new TavilySearchProvider(http, options),
                SearchProviderKind.Brave => new BraveSearchProvider(http, options),
                SearchProviderKind.SearXng => new SearXngSearchProvider(http, options),
                _ => new WikipediaSearchProvider(http, options),
            };
        });
        return services;
    }
}
