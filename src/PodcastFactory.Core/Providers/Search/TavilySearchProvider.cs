using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>Tavily: <c>POST {endpoint}/search</c> with <c>Authorization: Bearer key</c> and a JSON body; results in <c>results[]</c> (title, url, content).</summary>
public sealed class TavilySearchProvider(HttpClient http, SearchOptions options) : JsonSearchProvider(http, options)
{
    /// <inheritdoc />
    public override string Name => "tavily";


    /// <inheritdoc />
    protected override HttpRequestMessage BuildRequest(Uri baseUrl, string query, int count, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "search"))
        {
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["query"] = query,
                ["max_results"] = count,
                ["search_depth"] = "basic",
                ["topic"] = "general",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.ApiKey);
        return request;
    }

    /// <inheritdoc />
    protected override IEnumerable<SearchHit> ParseHits(JsonElement root) =>
        ArrayAt(root, "results").Select(r => new SearchHit(Text(r, "url"), Text(r, "title"), Text(r, "content"))).ToList();
}
