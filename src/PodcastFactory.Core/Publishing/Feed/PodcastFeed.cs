using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// The podcast's RSS 2.0 document with the <c>itunes</c> (Apple Podcasts) and <c>podcast</c> (Podcasting 2.0)
/// namespaces. The channel is rendered from <see cref="FeedOptions"/> every time; items are kept from the stored feed
/// verbatim and merged by guid, newest first, at most <see cref="FeedOptions.MaxItems"/>.
/// </summary>
public static class PodcastFeed
{
    /// <summary>The feed's MIME type.</summary>
    public const string ContentType = "application/rss+xml; charset=utf-8";

    /// <summary>Apple's namespace.</summary>
    public static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>The Podcasting 2.0 namespace.</summary>
    public static readonly XNamespace Podcast = "https://podcastindex.org/namespace/1.0";

    static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";

    /// <summary>Items of a stored feed (none for null or empty content).</summary>
    /// <exception cref="InvalidDataException">The stored feed is not valid RSS.</exception>
    public static IReadOnlyList<XElement> ReadItems(byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            return [];
        }

        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            XDocument document = XDocument.Load(reader);
            return document.Root?.Element("channel")?.Elements("item").ToList() ?? [];
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"The stored feed is not valid XML: {ex.Message}", ex);
        }
    }

    /// <summary>The guid of a stored item.</summary>
    public static string? GuidOf(XElement item) => item.Element("guid")?.Value;

    /// <summary>The episode number of a stored item.</summary>
    public static int? EpisodeNumberOf(XElement item) =>
        int.TryParse(item.Element(Itunes + "episode")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : null;

    /// <summary>The root feed's path under the API base.</summary>
    public const string RootPath = "feed.xml";

    /// <summary>
    /// Merges <paramref name="item"/> into the stored feed (replacing an item with the same guid) and renders it for
    /// <paramref name="baseUrl"/>; <paramref name="feedPath"/> is where this feed is served under the API base.
    /// </summary>
    public static byte[] Merge(byte[]? stored, FeedItem item, FeedOptions options, Uri baseUrl, string feedPath = RootPath)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        List<XElement> items = ReadItems(stored).Where(i => GuidOf(i) != item.Guid).ToList();
        items.Add(Item(item, options));
        List<XElement> ordered = items
            .OrderByDescending(i => DateTimeOffset.TryParse(i.Element("pubDate")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : DateTimeOffset.MinValue)
            .ThenBy(i => GuidOf(i), StringComparer.Ordinal)
            .Take(options.MaxItems)
            .ToList();
        return Render(options, baseUrl, ordered, feedPath);
    }

    /// <summary>
    /// Renders the whole document, its channel links built on the API base <paramref name="baseUrl"/>; its self link
    /// (and so its podcast:guid) is <paramref name="feedPath"/> under that base: every show's feed has its own.
    /// </summary>
    public static byte[] Render(FeedOptions options, Uri baseUrl, IReadOnlyList<XElement> items, string feedPath = RootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(items);
        string artwork = options.EffectiveArtworkUrl(baseUrl).AbsoluteUri;
        Uri self = FeedOptions.Combine(baseUrl, feedPath);
        var channel = new XElement("channel",
            new XElement("title", options.Title),
            new XElement("link", baseUrl.AbsoluteUri),
            new XElement("description", options.Description),
            new XElement("language", options.Language),
            new XElement("generator", "PodcastFactory"),
            new XElement(_atom + "link", new XAttribute("href", self.AbsoluteUri), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")),
            new XElement("image", new XElement("url", artwork), new XElement("title", options.Title), new XElement("link", baseUrl.AbsoluteUri)),
            new XElement(Itunes + "author", options.Author),
            new XElement(Itunes + "owner", new XElement(Itunes + "name", options.Author), options.OwnerEmail is null ? null : new XElement(Itunes + "email", options.OwnerEmail)),
            new XElement(Itunes + "image", new XAttribute("href", artwork)),
            new XElement(Itunes + "category", new XAttribute("text", options.Category)),
            new XElement(Itunes + "explicit", options.Explicit ? "true" : "false"),
            new XElement(Itunes + "type", "episodic"),
            new XElement(Podcast + "guid", PodcastGuid.Of(self).ToString("D")),
            new XElement(Podcast + "locked", options.OwnerEmail is null ? null : new XAttribute("owner", options.OwnerEmail), options.Locked ? "yes" : "no"),
            items.Count > 0 ? new XElement("lastBuildDate", items[0].Element("pubDate")?.Value) : null,
            items);
        var rss = new XElement("rss",
            new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "itunes", Itunes.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "podcast", Podcast.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "atom", _atom.NamespaceName),
            channel);
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), rss).Save(writer);
        }

        return output.ToArray();
    }

    /// <summary>One item element.</summary>
    public static XElement Item(FeedItem item, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        // RSS has no item-level language element; xml:lang (which XML allows on any element) marks an episode whose
        // language differs from the feed's, so a reader can tell a Spanish episode in an English feed.
        bool otherLanguage = !string.Equals(LanguagePacks.Primary(item.Language), LanguagePacks.Primary(options.Language), StringComparison.Ordinal);
        return new XElement("item",
            otherLanguage ? new XAttribute(XNamespace.Xml + "lang", item.Language) : null,
            new XElement("title", item.Title),
            new XElement("description", item.DescriptionHtml),
            new XElement("guid", new XAttribute("isPermaLink", "false"), item.Guid),
            new XElement("pubDate", item.PublishedAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)),
            new XElement("enclosure",
                new XAttribute("url", item.AudioUrl.AbsoluteUri),
                new XAttribute("length", item.AudioBytes.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("type", "audio/mpeg")),
            new XElement(Itunes + "duration", item.DurationSeconds.ToString(CultureInfo.InvariantCulture)),
            new XElement(Itunes + "episode", item.EpisodeNumber.ToString(CultureInfo.InvariantCulture)),
            new XElement(Itunes + "episodeType", "full"),
            new XElement(Itunes + "explicit", options.Explicit ? "true" : "false"),
            new XElement(Podcast + "transcript",
                new XAttribute("url", item.TranscriptVttUrl.AbsoluteUri), new XAttribute("type", "text/vtt"),
                new XAttribute("language", item.Language), new XAttribute("rel", "captions")),
            new XElement(Podcast + "transcript",
                new XAttribute("url", item.TranscriptSrtUrl.AbsoluteUri), new XAttribute("type", "application/srt"),
                new XAttribute("language", item.Language)),
            new XElement(Podcast + "chapters", new XAttribute("url", item.ChaptersUrl.AbsoluteUri), new XAttribute("type", ChaptersJson.ContentType)));
    }
}
