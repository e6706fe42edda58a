using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>Writes the social-media post announcing an episode.</summary>
public interface ISocialAgent
{
    /// <summary>Writes a post within the platform's length limit.</summary>
    Task<AgentResult<SocialPost>> WriteAsync(string topic, Script script, ResearchNotes research, CancellationToken cancellationToken);

    /// <summary>Writes a post in <paramref name="language"/>; a writer that knows no languages writes as it always does.</summary>
    Task<AgentResult<SocialPost>> WriteAsync(string topic, string language, Script script, ResearchNotes research, CancellationToken cancellationToken) =>
        WriteAsync(topic, script, research, cancellationToken);
}
