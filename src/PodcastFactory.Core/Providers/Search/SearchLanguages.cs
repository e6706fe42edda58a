using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>
/// The episode's language as each search API takes it: SearXNG's <c>language</c> takes BCP 47 as given; Brave's
/// <c>search_lang</c> takes a primary subtag, except the regional codes it lists (en-gb, pt-br, pt-pt, zh-hans, zh-hant);
/// Wikipedia has no parameter, its editions are hosts (<c>es.wikipedia.org</c>); Tavily has neither: its queries are
/// written in the language instead.
/// </summary>
public static class SearchLanguages
{
    static readonly HashSet<string> _braveRegional = new(StringComparer.OrdinalIgnoreCase) { "en-gb", "pt-br", "pt-pt", "zh-hans", "zh-hant" };

    /// <summary>Brave's <c>search_lang</c> for <paramref name="language"/>.</summary>
    public static string Brave(string language)
    {
        string trimmed = (language ?? "").Trim();
        return _braveRegional.Contains(trimmed) ? trimmed.ToLowerInvariant() : LanguagePacks.Primary(trimmed);
    }

    /// <summary>
    /// The Wikipedia edition of <paramref name="language"/> on <paramref name="endpoint"/>: a <c>*.wikipedia.org</c>
    /// endpoint gets the language's host (<c>https://en.wikipedia.org/</c> becomes <c>https://es.wikipedia.org/</c>); any
    /// other endpoint (a mirror, a test server) is one wiki and stays as configured.
    /// </summary>
    public static Uri WikipediaEdition(Uri endpoint, string language)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string host = endpoint.Host;
        const string Domain = ".wikipedia.org";
        string code = LanguagePacks.Primary(language);
        if (!host.EndsWith(Domain, StringComparison.OrdinalIgnoreCase) || !code.All(char.IsAsciiLetterLower) || code.Length is < 2 or > 3)
        {
            return endpoint;
        }

        return new UriBuilder(endpoint) { Host = code + Domain }.Uri;
    }
}
