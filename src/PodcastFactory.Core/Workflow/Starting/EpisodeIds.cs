using System.Globalization;
using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>Episode ids: instance ids and artifact folders at once, so they are restricted to safe characters.</summary>
public static partial class EpisodeIds
{
    /// <summary>Allowed shape: 3-64 lower-case letters, digits and hyphens, starting with a letter or digit.</summary>
    public const string Pattern = "^[a-z0-9][a-z0-9-]{2,63}$";

    /// <summary>True when <paramref name="id"/> is a valid episode id.</summary>
    public static bool IsValid(string? id) => id is not null && IdRegex().IsMatch(id);

    /// <summary>A new id: UTC timestamp plus random suffix, e.g. <c>ep-20261126-071422-3fa9c1</c>.</summary>
    public static string New(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"ep-{now.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");

    [GeneratedRegex(Pattern)]
    private static partial Regex IdRegex();
}
