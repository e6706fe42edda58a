using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Scheduling;

/// <summary>The topic backlog the scheduler draws from, stored as JSON at <c>Scheduler:BacklogName</c>.</summary>
/// <param name="Topics">Topics in the order they are taken.</param>
public sealed record Backlog(IReadOnlyList<BacklogTopic> Topics)
{
    /// <summary>A backlog with no topics (what a missing backlog reads as).</summary>
    public static readonly Backlog Empty = new([]);
}

/// <summary>Where a backlog topic is in its life.</summary>
public enum BacklogTopicStatus
{
    /// <summary>Waiting to be scheduled.</summary>
    Pending,
    /// <summary>Taken by a schedule slot; <see cref="BacklogTopic.EpisodeId"/> names the episode.</summary>
    Taken,
    /// <summary>Produced (set by a person or a tool; the scheduler never takes it again).</summary>
    Done,
    /// <summary>Taken, but the episode could not start (see <see cref="BacklogTopic.Error"/>).</summary>
    Failed,
}

/// <summary>One backlog entry: the episode request fields a scheduled episode uses, plus its status.</summary>
/// <param name="Topic">The episode topic.</param>
/// <param name="Sources">Optional sources (text or URL).</param>
/// <param name="Priority">Outputs to produce (default both).</param>
/// <param name="Depth">Research depth (default standard).</param>
/// <param name="TargetMinutes">Target length (default 5).</param>
/// <param name="Status">pending, taken, done or failed.</param>
/// <param name="EpisodeId">The episode that took this topic.</param>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="Error">Why the episode could not start, when <see cref="BacklogTopicStatus.Failed"/>.</param>
/// <param name="Show">The show the episode belongs to (its settings are the defaults); null: the default show.</param>
public sealed record BacklogTopic(
    string Topic,
    IReadOnlyList<SourceInput>? Sources = null,
    OutputPriority? Priority = null,
    ResearchDepth? Depth = null,
    int? TargetMinutes = null,
    BacklogTopicStatus Status = BacklogTopicStatus.Pending,
    string? EpisodeId = null,
    DateTimeOffset? TakenAt = null,
    string? Error = null,
    string? Show = null)
{
    /// <summary>The episode request this topic stands for (defaults for what it leaves out).</summary>
    public EpisodeRequest ToRequest()
    {
        var defaults = new EpisodeRequest();
        return defaults with
        {
            Topic = Topic,
            Show = Show,
            Sources = Sources ?? [],
            Priority = Priority ?? defaults.Priority,
            Depth = Depth ?? defaults.Depth,
            TargetMinutes = TargetMinutes ?? defaults.TargetMinutes,
        };
    }

    /// <summary>Which show-defaulted fields this topic sets itself (the length, when it names one); the rest come from its show.</summary>
    public RequestOverrides Overrides() => TargetMinutes is null ? RequestOverrides.None : RequestOverrides.TargetMinutes;
}
