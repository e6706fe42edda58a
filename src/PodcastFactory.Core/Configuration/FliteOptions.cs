using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>Settings of the local flite speech provider (configuration section <see cref="SectionName"/>).</summary>
public sealed class FliteOptions
{
    /// <summary>Configuration section, e.g. environment variable <c>Speech__Flite__ExecutablePath</c>.</summary>
    public const string SectionName = "Speech:Flite";

    /// <summary>The flite executable: a name looked up on PATH or a full path.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Speech:Flite:ExecutablePath must not be empty.")]
    public string ExecutablePath { get; set; } = "flite";

    /// <summary>How long one segment may take before the process is killed.</summary>
    [Range(1, 3600, ErrorMessage = "Speech:Flite:TimeoutSeconds must be between 1 and 3600.")]
    public int TimeoutSeconds { get; set; } = 60;
}
