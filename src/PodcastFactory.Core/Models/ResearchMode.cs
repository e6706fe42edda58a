namespace PodcastFactory.Core.Models;

/// <summary>What grounds the research.</summary>
public enum ResearchMode
{
    /// <summary>Only the supplied sources (text, files, URLs).</summary>
    Sources,
    /// <summary>Only web research through the configured search provider.</summary>
    Web,
    /// <summary>The supplied sources and web research.</summary>
    Both,
}

/// <summary>Where a web note comes from: the captured page and a verbatim quote of it.</summary>
/// <param name="Url">The page's address.</param>
/// <param name="Title">The page title.</param>
/// <param name="RetrievedAt">When the page was fetched (and captured as <c>sources/web-n.md</c>).</param>
/// <param name="Quote">A short verbatim passage of the page that the note rests on.</param>
/// <param name="Artifact">The captured page's artifact name.</param>
public sealed record WebCitation(string Url, string Title, DateTimeOffset RetrievedAt, string Quote, string Artifact);
