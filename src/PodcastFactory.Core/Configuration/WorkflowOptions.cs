using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>Workflow tuning. Section <c>Workflow</c>.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Workflow";

    /// <summary>
    /// Ceiling of speech segments one episode synthesizes at once; how many calls are really in flight adapts inside
    /// the speech deployment's shared rate limiter.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Workflow:MaxParallelSegments must be between 1 and 64.")]
    public int MaxParallelSegments { get; set; } = 4;

    /// <summary>Maximum characters per audio segment (capped by the speech provider's own limit).</summary>
    [Range(100, 4096, ErrorMessage = "Workflow:SegmentMaxCharacters must be between 100 and 4096.")]
    public int SegmentMaxCharacters { get; set; } = 600;

    /// <summary>
    /// How long, in minutes, an episode's audio may keep waiting out a provider's rate limit (durable timers between
    /// tries of a throttled segment) before the stage fails naming the provider and the time waited.
    /// </summary>
    [Range(1, 1440, ErrorMessage = "Workflow:ThrottleDeadlineMinutes must be between 1 and 1440.")]
    public int ThrottleDeadlineMinutes { get; set; } = 60;

    /// <summary>
    /// Whether URL sources may be fetched from loopback and private-network addresses (link-local, e.g. the cloud
    /// metadata service, is always refused). Off by default because the HTTP API takes URLs from callers.
    /// </summary>
    public bool AllowPrivateNetworkSources { get; set; }
}
