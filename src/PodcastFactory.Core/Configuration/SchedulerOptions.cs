using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>Scheduled episode generation. Section <c>Scheduler</c>; the timer's NCRONTAB is the app setting <c>EpisodeSchedule</c>.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>The app setting holding the schedule (six-field NCRONTAB), read by the timer trigger and <c>podcast schedule</c>.</summary>
    public const string ScheduleSetting = "EpisodeSchedule";

    /// <summary>Artifact name of the topic backlog (JSON) in the artifact store.</summary>
    [Required(ErrorMessage = "Scheduler:BacklogName is required.")]
    public string BacklogName { get; set; } = "backlog.json";

    /// <summary>Prefix of scheduled episode ids; the schedule slot is appended.</summary>
    [RegularExpression("^[a-z0-9-]{1,32}$", ErrorMessage = "Scheduler:EpisodeIdPrefix must be 1-32 lower-case letters, digits or hyphens.")]
    public string EpisodeIdPrefix { get; set; } = "scheduled";
}
