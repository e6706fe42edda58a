using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>Writes the social-media post announcing an episode.</summary>
public interface ISocialAgent
{
    /// <summary>Writes a post within the platform's length limit.</summary>
    Task<AgentResult<SocialPost>> WriteAsync(string topic, Script script, ResearchNotes research, CancellationToken cancellationToken);
}
