using System.Globalization;
using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Models;

/// <summary>
/// Which earlier episodes a script refers back to: a turn that says "episode N" (the writer's brief on the model path and
/// the offline renderer both name the number) where N is one of the earlier episodes the episode was written with. Read
/// from the script itself, so an edited script's show notes link what it says now.
/// </summary>
public static partial class SeriesReferences
{
    /// <summary>The earlier episodes <paramref name="script"/> names, in the order of their numbers.</summary>
    public static IReadOnlyList<BibleEpisode> In(Script script, IReadOnlyList<BibleEpisode>? earlier)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (earlier is not { Count: > 0 })
        {
            return [];
        }

        var named = new HashSet<int>();
        foreach (ScriptTurn turn in script.Turns)
        {
            foreach (Match match in EpisodeNumber().Matches(turn.Text ?? ""))
            {
                named.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return [.. earlier.Where(e => named.Contains(e.Number)).OrderBy(e => e.Number)];
    }

    [GeneratedRegex(@"\bepisode\s+(\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EpisodeNumber();
}
