using System.Text.Json;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>SearXNG: <c>GET {endpoint}/search?q=&amp;format=json</c> (JSON must be enabled in the instance's <c>search.formats</c>); results in <c>results[]</c> (url, title, content).</summary>
public sealed class SearXngSearchProvider(HttpClient http, SearchOptions options) : JsonSearchProvider(http, options)
{
    /// <inheritdoc />
    public override string Name => "searxng";


    /// <inheritdoc />
    protected override HttpRequestMessage BuildRequest(Uri baseUrl, string query, int count, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl,
            $"search?q={Uri.EscapeDataString(query)}&format=json&pageno=1&language={Uri.EscapeDataString(language)}&safesearch=1"));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <inheritdoc />
    protected override IEnumerable<SearchHit> ParseHits(JsonElement root) =>
        ArrayAt(root, "results").Select(r => new SearchHit(Text(r, "url"), Text(r, "title"), Text(r, "content"))).ToList();
}
