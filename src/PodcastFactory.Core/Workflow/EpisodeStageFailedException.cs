namespace PodcastFactory.Core.Workflow;

/// <summary>A critical stage failed: the episode fails with the stage and the reason named.</summary>
public sealed class EpisodeStageFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EpisodeStageFailedException(string stage, string reason, Exception? inner = null)
        : base($"Stage '{stage}' failed: {reason}", inner)
    {
        Stage = stage;
    }

    /// <summary>Creates the exception.</summary>
    public EpisodeStageFailedException()
        : this("unknown", "unspecified")
    {
    }

    /// <summary>Creates the exception.</summary>
    public EpisodeStageFailedException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EpisodeStageFailedException(string message, Exception inner)
        : this("unknown", message, inner)
    {
    }

    /// <summary>The stage that failed.</summary>
    public string Stage { get; } = "unknown";
}
