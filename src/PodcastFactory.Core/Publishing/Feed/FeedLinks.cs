using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// Moves the links of stored items (enclosure, transcripts, chapters) onto the API base the feed is served from: a
/// feed written while the server listened on another port, or before <c>Feed:PublicBaseUrl</c> changed, still points
/// at audio that answers. Only the API's artifact links (<c>.../episodes/{id}/artifacts/{name}</c>) move.
/// </summary>
public static partial class FeedLinks
{
    /// <summary>Copies of <paramref name="items"/> whose artifact links start with <paramref name="baseUrl"/>.</summary>
    public static IReadOnlyList<XElement> Rebase(IEnumerable<XElement> items, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(baseUrl);
        string root = baseUrl.AbsoluteUri.TrimEnd('/');
        var copies = new List<XElement>();
        foreach (XElement item in items)
        {
            var copy = new XElement(item);
            foreach (XAttribute url in copy.Descendants().Attributes("url"))
            {
                if (ArtifactPath().Match(url.Value) is { Success: true } match)
                {
                    url.Value = root + match.Value;
                }
            }

            copies.Add(copy);
        }

        return copies;
    }

    // The API's artifact route (Api/ApiRoutes.Artifact, a layer above) at the end of an absolute URL.
    [GeneratedRegex(@"/episodes/[^/?#]+/artifacts/[^?#]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ArtifactPath();
}
