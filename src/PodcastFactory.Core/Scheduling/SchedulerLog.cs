using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Scheduling;

/// <summary>Log messages of the scheduler.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Schedule slot {Slot}: episode {EpisodeId} already exists; nothing to do")]
    public static partial void AlreadyStarted(ILogger logger, DateTimeOffset slot, string episodeId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Schedule slot {Slot}: the backlog at {Location} has no pending topic; nothing to do")]
    public static partial void EmptyBacklog(ILogger logger, DateTimeOffset slot, string location);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Schedule slot {Slot}: started episode {EpisodeId}")]
    public static partial void Started(ILogger logger, DateTimeOffset slot, string episodeId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Schedule slot {Slot}: the backlog changed while taking a topic (attempt {Attempt}); retrying")]
    public static partial void Conflict(ILogger logger, DateTimeOffset slot, int attempt);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Schedule slot {Slot}: episode {EpisodeId} was refused: {Error}")]
    public static partial void Refused(ILogger logger, DateTimeOffset slot, string episodeId, string error);
}
