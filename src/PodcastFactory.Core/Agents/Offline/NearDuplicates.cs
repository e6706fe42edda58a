namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Decides when two notes say the same thing: their content tokens overlap with a Jaccard similarity of 0.6 or more,
/// or one note's tokens are nearly all (85%) inside the other's (a sentence and the joined passage that contains it).
/// Used within an angle by the research agent and across angles by the merge.
/// </summary>
internal static class NearDuplicates
{
    /// <summary>Jaccard similarity at or above which two notes are duplicates.</summary>
    public const double MinJaccard = 0.6;

    /// <summary>Share of one note's tokens found in the other at or above which the shorter is contained in the longer.</summary>
    public const double MinContainment = 0.85;

    /// <summary>True when <paramref name="candidate"/> repeats one of <paramref name="kept"/>.</summary>
    public static bool RepeatsAny(IEnumerable<IReadOnlySet<string>> kept, IReadOnlySet<string> candidate) =>
        kept.Any(k => IsDuplicate(k, candidate));

    /// <summary>True when the two token sets say the same thing (see the type remarks).</summary>
    public static bool IsDuplicate(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count > 0 && b.Count > 0
        && (TextOverlap.Jaccard(a, b) >= MinJaccard || TextOverlap.Coverage(a, b) >= MinContainment || TextOverlap.Coverage(b, a) >= MinContainment);
}
