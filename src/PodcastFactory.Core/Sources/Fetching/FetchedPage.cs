using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>A page fetched within the bounds of <see cref="FetchOptions"/>.</summary>
/// <param name="RequestedUrl">The URL asked for.</param>
/// <param name="FinalUrl">Where the last redirect led.</param>
/// <param name="MediaType">The answer's media type (e.g. text/html).</param>
/// <param name="Body">The body decoded as text (byte order mark, charset from the answer, HTML meta charset, else UTF-8: <see cref="TextDecoding"/>).</param>
/// <param name="RetrievedAt">When the body was read completely.</param>
public sealed record FetchedPage(Uri RequestedUrl, Uri FinalUrl, string MediaType, string Body, DateTimeOffset RetrievedAt)
{
    /// <summary>True for HTML and XHTML answers.</summary>
    public bool IsHtml => MediaType.Contains("html", StringComparison.OrdinalIgnoreCase);
}
