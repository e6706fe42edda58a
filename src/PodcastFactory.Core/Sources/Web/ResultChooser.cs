using System.Net;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>
/// Picks the pages to fetch from the results of several queries: round-robin over the queries (each query's best
/// first), one page per URL (scheme, fragment, trailing slash and a leading www. ignored) and per domain, and no
/// address the fetcher would refuse anyway (literal private, loopback or link-local IPs, localhost): those are skipped
/// with the reason. The fetcher still checks every connected address.
/// </summary>
public static class ResultChooser
{
    /// <summary>The chosen hits, in order, and the skipped ones with reasons.</summary>
    public static (IReadOnlyList<SearchHit> Chosen, IReadOnlyList<string> Skipped) Choose(
        IReadOnlyList<IReadOnlyList<SearchHit>> resultsPerQuery, int pages, bool allowPrivateNetwork)
    {
        ArgumentNullException.ThrowIfNull(resultsPerQuery);
        var chosen = new List<SearchHit>();
        var skipped = new List<string>();
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int longest = resultsPerQuery.Count == 0 ? 0 : resultsPerQuery.Max(r => r.Count);
        for (int rank = 0; rank < longest && chosen.Count < pages; rank++)
        {
            foreach (IReadOnlyList<SearchHit> results in resultsPerQuery)
            {
                if (rank >= results.Count || chosen.Count >= pages)
                {
                    continue;
                }

                SearchHit hit = results[rank];
                if (!Uri.TryCreate(hit.Url, UriKind.Absolute, out Uri? url) || url.Scheme is not ("http" or "https"))
                {
                    skipped.Add($"skipped {hit.Url}: not an http(s) URL");
                    continue;
                }

                if (!urls.Add(Normalise(url)) || !domains.Add(Domain(url)))
                {
                    continue;
                }

                if (IsRefusedHost(url, allowPrivateNetwork))
                {
                    skipped.Add($"skipped {hit.Url}: its address is refused (private, loopback or link-local)");
                    continue;
                }

                chosen.Add(hit);
            }
        }

        return (chosen, skipped);
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
