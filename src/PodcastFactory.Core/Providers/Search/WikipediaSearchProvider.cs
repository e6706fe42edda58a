using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>
/// Wikipedia through the MediaWiki API: <c>GET {endpoint}/w/api.php?action=query&amp;list=search&amp;srsearch=&amp;format=json</c>,
/// no key; results in <c>query.search[]</c> (title, snippet with match markup). The page URL is <c>{endpoint}/wiki/Title_With_Underscores</c>.
/// API errors arrive as 200 with an <c>error</c> object and are failures. The episode's language picks the edition
/// (<see cref="SearchLanguages.WikipediaEdition"/>).
/// </summary>
public sealed partial class WikipediaSearchProvider(HttpClient http, SearchOptions options) : JsonSearchProvider(http, options)
{
    /// <inheritdoc />
    public override string Name => "wikipedia";


    /// <inheritdoc />
    protected override HttpRequestMessage BuildRequest(Uri baseUrl, string query, int count, string language)
    {
        string url = string.Create(CultureInfo.InvariantCulture,
            $"w/api.php?action=query&list=search&srsearch={Uri.EscapeDataString(query)}&srlimit={Math.Clamp(count, 1, 50)}&srprop=snippet&format=json&formatversion=2&utf8=1");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SearchLanguages.WikipediaEdition(baseUrl, language), url));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <inheritdoc />
    protected override IEnumerable<SearchHit> ParseHits(JsonElement root) => ParseHits(root, Options.BaseUrl);

    /// <inheritdoc />
    /// <remarks>Page links are on the edition that was asked (<c>es.wikipedia.org/wiki/...</c> for a Spanish episode).</remarks>
    protected override IEnumerable<SearchHit> ParseHits(JsonElement root, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        Uri pages = new UriBuilder(Options.BaseUrl) { Host = requestUri.Host }.Uri;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement error))
        {
            throw new InvalidOperationException($"MediaWiki error {Text(error, "code")}: {Text(error, "info")}");
        }

        return ArrayAt(root, "query", "search")
            .Where(r => Text(r, "title").Length > 0)
            .Select(r => new SearchHit(
                new Uri(pages, "wiki/" + Uri.EscapeDataString(Text(r, "title").Replace(' ', '_'))).ToString(),
                Text(r, "title"),
                WebUtility.HtmlDecode(Tags().Replace(Text(r, "snippet"), ""))))
            .ToList();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
