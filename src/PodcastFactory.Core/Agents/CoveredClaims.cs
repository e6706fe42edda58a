using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>
/// What the earlier episodes of a show already said, as a test for a new claim: covered when its hash
/// (<see cref="ClaimKeys"/>) is one the bible keeps, or when it is a near-duplicate (<see cref="NearDuplicates"/>) of an
/// earlier key point, which catches a rewording that adds or drops a word and so hashes differently.
/// </summary>
public sealed class CoveredClaims
{
    readonly HashSet<string> _hashes;
    readonly List<IReadOnlySet<string>> _points;

    /// <summary>The claims of <paramref name="earlier"/> (none when null).</summary>
    public CoveredClaims(IReadOnlyList<BibleEpisode>? earlier)
    {
        _hashes = new HashSet<string>((earlier ?? []).SelectMany(e => e.Claims), StringComparer.Ordinal);
        _points = [.. (earlier ?? []).SelectMany(e => e.Points).Select(p => (IReadOnlySet<string>)TextTokenizer.TokenSet(p))];
    }

    /// <summary>True when no earlier episode is remembered.</summary>
    public bool IsEmpty => _hashes.Count == 0 && _points.Count == 0;

    /// <summary>True when an earlier episode already stated <paramref name="claim"/>.</summary>
    public bool Contains(string claim)
    {
        if (IsEmpty)
        {
            return false;
        }

        return (ClaimKeys.Hash(claim) is { } hash && _hashes.Contains(hash)) || NearDuplicates.RepeatsAny(_points, TextTokenizer.TokenSet(claim));
    }
}
