using System.Globalization;
using System.Text;
using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>
/// A web page as captured for an episode: <c>{id}/sources/web-{key}.md</c> holding the URL, title, retrieval time and
/// the main text. Written before the page is used, so a retry or replay reads the same text and fetches nothing. The key
/// comes from the URL, so every angle that chooses a page finds the one capture of it.
/// </summary>
/// <param name="Name">Short name used as the source name in notes ("web-3f2a9c1b0d4e").</param>
/// <param name="Artifact">The artifact name.</param>
/// <param name="Url">The URL the search returned.</param>
/// <param name="Title">The page title.</param>
/// <param name="RetrievedAt">When the page was read.</param>
/// <param name="Text">The main text.</param>
public sealed record CapturedPage(string Name, string Artifact, string Url, string Title, DateTimeOffset RetrievedAt, string Text)
{
    const string Separator = "\n---\n\n";

    /// <summary>
    /// The source name of the page at <paramref name="url"/>: <c>web-</c> and 12 hex digits of the SHA-256 of the URL as
    /// <see cref="ResultChooser.Normalise"/> writes it (scheme, www., fragment and trailing slash do not make another page).
    /// </summary>
    public static string SourceName(Uri url) => "web-" + InputHash.Of(ResultChooser.Normalise(url))[..12];

    /// <summary>The artifact name of the captured page at <paramref name="url"/>: the same for every angle and every attempt.</summary>
    public static string ArtifactName(string episodeId, Uri url) => $"{episodeId}/sources/{SourceName(url)}.md";

    /// <summary>The artifact holding an angle's search record (queries, chosen results, problems).</summary>
    public static string SearchArtifactName(string episodeId, int angleIndex) => string.Create(CultureInfo.InvariantCulture, $"{episodeId}/research/search-{angleIndex + 1}.json");

    /// <summary>Renders the artifact: a small header, then the text.</summary>
    public string Render()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Title}\n\n- URL: {Url}\n- Retrieved: {RetrievedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        md.Append(Separator).Append(Text).Append('\n');
        return md.ToString();
    }

    /// <summary>Reads an artifact written by <see cref="Render"/>.</summary>
    public static CapturedPage Parse(string name, string artifact, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        int split = markdown.IndexOf(Separator, StringComparison.Ordinal);
        string header = split < 0 ? markdown : markdown[..split];
        string text = split < 0 ? "" : markdown[(split + Separator.Length)..].TrimEnd('\n');
        string[] lines = header.Split('\n');
        string title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..] ?? "";
        string url = Field(lines, "- URL: ");
        DateTimeOffset retrieved = DateTimeOffset.TryParse(Field(lines, "- Retrieved: "), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : DateTimeOffset.MinValue;
        return new CapturedPage(name, artifact, url, title, retrieved, text);
    }

    static string Field(string[] lines, string prefix) =>
        lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim() ?? "";
}
