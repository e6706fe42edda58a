using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PodcastFactory.Core.Sources.Fetching;
using SmartReader;

namespace PodcastFactory.Core.Sources.Extraction;

/// <summary>The readable text of a fetched page.</summary>
/// <param name="Title">The page title (the article's, else the document's, else the URL).</param>
/// <param name="Text">Main text, paragraphs separated by blank lines, no markup but Markdown headings (<c>## Heading</c>), so
/// readers can tell a heading from a statement (a heading is never a note or a quote).</param>
public sealed record ExtractedText(string Title, string Text);

/// <summary>
/// Main-text extraction. HTML goes through SmartReader (a port of Mozilla's Readability: drops navigation, ads,
/// footers); when it finds no article the body's block elements are read with AngleSharp, scripts, styles and page
/// chrome removed. Plain text and Markdown are kept as they are. Parsing runs on the captured body only: nothing is
/// fetched from here.
/// </summary>
public static partial class PageText
{
    static readonly string[] _chrome = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe"];

    /// <summary>Extracts the title and main text of <paramref name="page"/>.</summary>
    public static ExtractedText Extract(FetchedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.IsHtml)
        {
            string heading = page.Body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim() ?? "";
            return new ExtractedText(heading.Length > 0 ? heading : page.FinalUrl.ToString(), page.Body.Trim());
        }

        return FromHtml(page.FinalUrl, page.Body);
    }

    /// <summary>Extracts the title and main text of an HTML document.</summary>
    public static ExtractedText FromHtml(Uri url, string html)
    {
        ArgumentNullException.ThrowIfNull(url);
        IHtmlDocument document = new HtmlParser().ParseDocument(html ?? "");
        string title = Clean(document.Title ?? "");
        string text = "";
        try
        {
            Article article = new Reader(url.ToString(), document).GetArticle();
            if (article.IsReadable)
            {
                title = Clean(article.Title ?? "").Length > 0 ? Clean(article.Title!) : title;
                text = Paragraphs(new HtmlParser().ParseDocument(article.Content ?? "").Body);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException)
        {
            text = "";
        }

        if (text.Length == 0)
        {
            IHtmlDocument plain = new HtmlParser().ParseDocument(html ?? "");
            foreach (IElement element in plain.QuerySelectorAll(string.Join(',', _chrome)).ToList())
            {
                element.Remove();
            }

            text = Paragraphs(plain.Body);
        }

        return new ExtractedText(title.Length > 0 ? title : url.ToString(), text);
    }

    static string Paragraphs(IElement? root)
    {
        if (root is null)
        {
            return "";
        }

        var blocks = root.QuerySelectorAll("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td")
            .Where(e => !e.Ancestors<IElement>().Any(a => a.LocalName is "p" or "li" or "blockquote" or "pre"))
            .Select(e => (Text: Clean(e.TextContent), Level: e.LocalName is ['h', >= '1' and <= '6'] ? e.LocalName[1] - '0' : 0))
            .Where(b => b.Text.Length > 0)
            .Select(b => b.Level == 0 ? b.Text : new string('#', b.Level) + " " + b.Text)
            .ToList();
        return blocks.Count > 0 ? string.Join("\n\n", blocks) : Clean(root.TextContent);
    }

    static string Clean(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
