namespace PodcastFactory.Core.Scheduling;

/// <summary>What one scheduler tick did.</summary>
public enum ScheduleOutcome
{
    /// <summary>A topic was taken and its episode started.</summary>
    Started,
    /// <summary>The slot's episode already existed: nothing was done (a retried or duplicated tick).</summary>
    AlreadyStarted,
    /// <summary>No pending topic: nothing was done.</summary>
    EmptyBacklog,
    /// <summary>The taken topic was refused (invalid request or unreadable source); it is marked failed.</summary>
    Invalid,
}

/// <summary>Result of <see cref="EpisodeScheduler.RunOnceAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="EpisodeId">The slot's episode id.</param>
/// <param name="Topic">The topic taken, when one was.</param>
/// <param name="Error">Why the topic was refused, for <see cref="ScheduleOutcome.Invalid"/>.</param>
public sealed record ScheduleResult(ScheduleOutcome Outcome, string EpisodeId, string? Topic = null, string? Error = null);
