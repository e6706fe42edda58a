using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>Writes web search queries for one research angle (the model, or keywords offline).</summary>
public interface IQueryWriter
{
    /// <summary>At most <paramref name="count"/> distinct queries for the angle, and what writing them cost.</summary>
    Task<AgentResult<IReadOnlyList<string>>> WriteQueriesAsync(string topic, string angle, int count, string language, CancellationToken cancellationToken);
}
