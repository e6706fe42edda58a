using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>
/// Whether a rewrite kept the research notes a script cites. The polish pass may reword, move or merge turns, but a
/// note the passed draft cited and the rewrite no longer cites is a fact the listener loses, so it is an error.
/// </summary>
public static class ScriptCitations
{
    /// <summary>One error per note <paramref name="original"/> cites that <paramref name="rewritten"/> does not (empty when all are kept).</summary>
    public static IReadOnlyList<string> Missing(Script original, IEnumerable<int>? rewritten)
    {
        ArgumentNullException.ThrowIfNull(original);
        var kept = new HashSet<int>(rewritten ?? []);
        return original.Turns.SelectMany(t => t.Claims ?? []).Distinct().Order()
            .Where(note => !kept.Contains(note))
            .Select(note => string.Create(CultureInfo.InvariantCulture, $"note {note} is cited in the script you were given but in no turn of yours; keep every citation"))
            .ToList();
    }

    /// <summary>The notes <paramref name="original"/> cites that <paramref name="rewritten"/> does not.</summary>
    public static IReadOnlyList<int> Dropped(Script original, Script rewritten)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(rewritten);
        var kept = rewritten.Turns.SelectMany(t => t.Claims ?? []).ToHashSet();
        return original.Turns.SelectMany(t => t.Claims ?? []).Distinct().Order().Where(n => !kept.Contains(n)).ToList();
    }
}
