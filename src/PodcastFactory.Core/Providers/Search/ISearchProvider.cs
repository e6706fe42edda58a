using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>A web search provider. Each answered request is priced in its <see cref="AgentUsage"/>.</summary>
public interface ISearchProvider
{
    /// <summary>Provider name as it appears in the ledger ("tavily", "brave", "searxng", "wikipedia").</summary>
    string Name { get; }

    /// <summary>Searches; throws <see cref="SearchFailedException"/> with the reason when no results could be had.</summary>
    Task<AgentResult<IReadOnlyList<SearchHit>>> SearchAsync(string query, int count, string language, CancellationToken cancellationToken);
}
