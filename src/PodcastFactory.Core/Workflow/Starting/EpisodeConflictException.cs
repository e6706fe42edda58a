namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>The episode id is taken by a different request: nothing was started (HTTP 409).</summary>
public sealed class EpisodeConflictException(string episodeId)
    : Exception($"Episode '{episodeId}' already exists with a different request; use another id, or send the same request to get that episode.")
{
    /// <summary>The id that is taken.</summary>
    public string EpisodeId { get; } = episodeId;
}
