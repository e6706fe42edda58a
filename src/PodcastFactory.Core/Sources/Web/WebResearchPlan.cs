using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>How much web research one angle does. Depth sets it (angles come from the episode plan: quick 2, standard 3, deep 5).</summary>
/// <param name="Queries">Search queries per angle.</param>
/// <param name="ResultsPerQuery">Results asked of the provider per query.</param>
/// <param name="Pages">Pages fetched per angle at most (after de-duplication by URL and domain).</param>
public sealed record WebResearchPlan(int Queries, int ResultsPerQuery, int Pages)
{
    /// <summary>quick: 1 query x 5 results, 2 pages; standard: 2 x 5, 3 pages; deep: 3 x 8, 4 pages (per angle).</summary>
    public static WebResearchPlan For(ResearchDepth depth) => depth switch
    {
        ResearchDepth.Quick => new(1, 5, 2),
        ResearchDepth.Deep => new(3, 8, 4),
        _ => new(2, 5, 3),
    };

    /// <summary>Characters assumed for each page an angle reads, for estimates made before any page is fetched.</summary>
    public const int PageCharacters = 12000;

    /// <summary>What the web pages of one angle add to its research call, as estimated at start (none without web research).</summary>
    public static long ExpectedCharacters(EpisodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Research is ResearchMode.Web or ResearchMode.Both ? (long)PageCharacters * For(request.Depth).Pages : 0;
    }

}
