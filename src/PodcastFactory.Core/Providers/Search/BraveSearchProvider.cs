using System.Globalization;
using System.Text.Json;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>Brave Search API: <c>GET {endpoint}/web/search?q=&amp;count=</c> with <c>X-Subscription-Token</c>; results in <c>web.results[]</c> (title, url, description).</summary>
public sealed class BraveSearchProvider(HttpClient http, SearchOptions options) : JsonSearchProvider(http, options)
{
    /// <inheritdoc />
    public override string Name => "brave";


    /// <inheritdoc />
    protected override HttpRequestMessage BuildRequest(Uri baseUrl, string query, int count, string language)
    {
        string url = string.Create(CultureInfo.InvariantCulture,
            $"web/search?q={Uri.EscapeDataString(query)}&count={Math.Clamp(count, 1, 20)}&search_lang={Uri.EscapeDataString(SearchLanguages.Brave(language))}");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, url));
        request.Headers.Add("X-Subscription-Token", Options.ApiKey);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <inheritdoc />
    protected override IEnumerable<SearchHit> ParseHits(JsonElement root) =>
        root.TryGetProperty("web", out _)
            ? ArrayAt(root, "web", "results").Select(r => new SearchHit(Text(r, "url"), Text(r, "title"), StripTags(Text(r, "description")))).ToList()
            : []; // Brave leaves "web" out when nothing matched.

    static string StripTags(string text) => System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", "");
}
