using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The web search providers.</summary>
public enum SearchProviderKind
{
    /// <summary>No web search: research reads only the supplied sources.</summary>
    None,
    /// <summary>Tavily (<c>POST /search</c>, Bearer key).</summary>
    Tavily,
    /// <summary>Brave Search API (<c>GET /res/v1/web/search</c>, <c>X-Subscription-Token</c>).</summary>
    Brave,
    /// <summary>A self-hosted SearXNG instance (<c>GET /search?format=json</c>).</summary>
    SearXng,
    /// <summary>Wikipedia through the MediaWiki API (<c>action=query&amp;list=search</c>, no key).</summary>
    Wikipedia,
}

/// <summary>Web search settings. Section <c>Search</c>; validated at start with messages naming the setting.</summary>
public sealed class SearchOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Search";

    /// <summary>Which provider answers web searches (default none).</summary>
    public SearchProviderKind Provider { get; set; } = SearchProviderKind.None;

    /// <summary>Base URL; defaults per provider (required for SearXNG).</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key (Tavily, Brave).</summary>
    public string? ApiKey { get; set; }

    /// <summary>USD per search request; defaults per provider (see <see cref="DefaultPrice"/>).</summary>
    [Range(0, 1, ErrorMessage = "Search:PricePerRequestUsd must be between 0 and 1.")]
    public decimal? PricePerRequestUsd { get; set; }

    /// <summary>HTTP retries of 429/5xx answers per search.</summary>
    [Range(0, 5, ErrorMessage = "Search:MaxRetries must be between 0 and 5.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Timeout of one search attempt, in seconds.</summary>
    [Range(1, 120, ErrorMessage = "Search:TimeoutSeconds must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Largest search answer read, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Search:MaxResponseBytes must be between 1024 and 16777216.")]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The endpoint in use: the setting, else the provider's public one.</summary>
    public Uri BaseUrl => new(((string.IsNullOrWhiteSpace(Endpoint) ? null : Endpoint) ?? Provider switch
    {
        SearchProviderKind.Tavily => "https://api.tavily.com/",
        SearchProviderKind.Brave => "https://api.search.brave.com/res/v1/",
        SearchProviderKind.Wikipedia => "https://en.wikipedia.org/",
        _ => "http://localhost:8080/",
    }).TrimEnd('/') + "/");

    /// <summary>The price of one request: the setting, else <see cref="DefaultPrice"/>.</summary>
    public decimal PricePerRequest => PricePerRequestUsd ?? DefaultPrice(Provider);

    /// <summary>List price of one request: Tavily basic search is one credit (about $0.008), Brave's paid plan $5 per 1000, SearXNG and Wikipedia are free.</summary>
    public static decimal DefaultPrice(SearchProviderKind provider) => provider switch
    {
        SearchProviderKind.Tavily => 0.008m,
        SearchProviderKind.Brave => 0.005m,
        _ => 0m,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is SearchProviderKind.Tavily or SearchProviderKind.Brave && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"Search:ApiKey is required when Search:Provider is {Provider}.", [nameof(ApiKey)]);
        }

        if (Provider == SearchProviderKind.SearXng && string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return new ValidationResult("Search:Endpoint is required when Search:Provider is SearXng (the instance's base URL, with JSON enabled in search.formats).", [nameof(Endpoint)]);
        }

        // An empty value (as app settings write an unset one) means "the provider's default", not an invalid URL.
        if (!string.IsNullOrWhiteSpace(Endpoint) && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Search:Endpoint must be an absolute http or https URL.", [nameof(Endpoint)]);
        }
    }
}
