using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>What the research agent is asked to explore.</summary>
/// <param name="Topic">Episode topic.</param>
/// <param name="Angle">The angle of this research task (e.g. "how it works").</param>
/// <param name="AngleIndex">0-based angle number.</param>
/// <param name="MaxNotes">How many notes to return at most.</param>
/// <param name="Language">Language code.</param>
/// <param name="Earlier">Series memory: the show's earlier episodes (their key points and claim hashes), whose claims the
/// research ranks lower so a new episode says something new; null outside a show or for its first episode.</param>
public sealed record ResearchBrief(string Topic, string Angle, int AngleIndex, int MaxNotes, string Language, IReadOnlyList<BibleEpisode>? Earlier = null);

/// <summary>Researches one angle of a topic, grounded in the supplied sources.</summary>
public interface IResearchAgent
{
    /// <summary>Produces notes for one angle; every note keeps a pointer to its source.</summary>
    Task<AgentResult<ResearchNotes>> ResearchAsync(ResearchBrief brief, IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken);
}
