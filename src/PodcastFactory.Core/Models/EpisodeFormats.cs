namespace PodcastFactory.Core.Models;

/// <summary>
/// The episode formats by name: the one list a show's default format and a request's format are checked against
/// (issue 24: a format is a strategy object; this is only the names those strategies answer to).
/// </summary>
public static class EpisodeFormats
{
    /// <summary>Today's two-host explainer.</summary>
    public const string Default = "deep-dive";

    /// <summary>Every format, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> All = [Default, "brief", "critique", "debate", "interview", "panel", "solo"];

    /// <summary>True when <paramref name="name"/> is a known format (exact, lower case).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
