using System.Net;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>
/// Picks the pages to fetch from the results of several queries: round-robin over the queries (each query's best
/// first), one page per URL (scheme, fragment, trailing slash and a leading www. ignored), one page per site first and
/// then, when the sites run out before the budget does, further pages of the same sites in the same order (a small
/// wiki answers every query from one site: one page per site left the budget unfilled). No address the fetcher would
/// refuse anyway (literal private, loopback or link-local IPs, localhost): those are skipped with the reason. The
/// fetcher still checks every connected address.
/// </summary>
public static class ResultChooser
{
    /// <summary>The chosen hits, in order, and the skipped ones with reasons.</summary>
    public static (IReadOnlyList<SearchHit> Chosen, IReadOnlyList<string> Skipped) Choose(
        IReadOnlyList<IReadOnlyList<SearchHit>> resultsPerQuery, int pages, bool allowPrivateNetwork)
    {
        ArgumentNullException.ThrowIfNull(resultsPerQuery);
        var skipped = new List<string>();
        var usable = new List<(SearchHit Hit, string Site)>();
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int longest = resultsPerQuery.Count == 0 ? 0 : resultsPerQuery.Max(r => r.Count);
        for (int rank = 0; rank < longest; rank++)
        {
            foreach (IReadOnlyList<SearchHit> results in resultsPerQuery.Where(r => rank < r.Count))
            {
                SearchHit hit = results[rank];
                if (!Uri.TryCreate(hit.Url, UriKind.Absolute, out Uri? url) || url.Scheme is not ("http" or "https"))
                {
                    skipped.Add($"skipped {hit.Url}: not an http(s) URL");
                }
                else if (!urls.Add(Normalise(url)))
                {
                    continue;
                }
                else if (IsRefusedHost(url, allowPrivateNetwork))
                {
                    skipped.Add($"skipped {hit.Url}: its address is refused (private, loopback or link-local)");
                }
                else
                {
                    usable.Add((hit, Domain(url)));
                }
            }
        }

        // Every site once, in order; then the rest, in order, until the budget is filled.
        var sites = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        List<SearchHit> firstOfSite = usable.Where(u => sites.Add(u.Site)).Select(u => u.Hit).ToList();
        List<SearchHit> chosen = [.. firstOfSite, .. usable.Select(u => u.Hit).Except(firstOfSite)];
        return (chosen.Take(pages).ToList(), skipped);
    }

    /// <summary>The URL without scheme, fragment, trailing slash or leading www., lower-cased host.</summary>
    public static string Normalise(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Domain(url) + url.AbsolutePath.TrimEnd('/') + url.Query;
    }

    // A non-default port counts as another site (two services on one host are two sources).
    static string Domain(Uri url) =>
        (url.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.IdnHost[4..] : url.IdnHost) + (url.IsDefaultPort ? "" : ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    static bool IsRefusedHost(Uri url, bool allowPrivateNetwork)
    {
        if (url.IsLoopback && url.HostNameType == UriHostNameType.Dns)
        {
            return !allowPrivateNetwork;
        }

        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out IPAddress? address) && !SourceAddressPolicy.IsAllowed(address, allowPrivateNetwork);
    }
}
