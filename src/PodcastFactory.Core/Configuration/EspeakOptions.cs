using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>Settings of the local espeak-ng speech provider (configuration section <see cref="SectionName"/>).</summary>
public sealed class EspeakOptions
{
    /// <summary>Configuration section, e.g. environment variable <c>Speech__Espeak__ExecutablePath</c>.</summary>
    public const string SectionName = "Speech:Espeak";

    /// <summary>The espeak-ng executable: a name looked up on PATH or a full path.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Speech:Espeak:ExecutablePath must not be empty.")]
    public string ExecutablePath { get; set; } = "espeak-ng";

    /// <summary>Speaking rate in words per minute (espeak-ng <c>-s</c>).</summary>
    [Range(80, 450, ErrorMessage = "Speech:Espeak:WordsPerMinute must be between 80 and 450.")]
    public int WordsPerMinute { get; set; } = 165;

    /// <summary>How long one segment may take before the process is killed.</summary>
    [Range(1, 3600, ErrorMessage = "Speech:Espeak:TimeoutSeconds must be between 1 and 3600.")]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Largest input, in characters, one call accepts.</summary>
    [Range(16, 100_000, ErrorMessage = "Speech:Espeak:MaxInputCharacters must be between 16 and 100000.")]
    public int MaxInputCharacters { get; set; } = 4000;
}
