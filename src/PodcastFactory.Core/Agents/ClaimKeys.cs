using System.Security.Cryptography;
using System.Text;
using PodcastFactory.Core.Agents.Offline;

namespace PodcastFactory.Core.Agents;

/// <summary>
/// The series memory's fingerprint of a claim: its content-word stems (stop words dropped, light stemming, see
/// <see cref="TextTokenizer"/>), distinct and sorted, hashed. So "Replays re-run the orchestrator's code." and "The
/// orchestrator code is re-run by replays" hash alike, while a claim with another fact in it does not. Hashes (not the
/// text) are what a show's bible keeps of every claim, so it stays small and bounded.
/// </summary>
public static class ClaimKeys
{
    /// <summary>Hex characters kept of the SHA-256 (64 bits: no accidental collision in a bible of 2,000 claims).</summary>
    public const int HashLength = 16;

    /// <summary>The normalized form of <paramref name="claim"/>: its distinct content-word stems, sorted, space-separated.</summary>
    public static string Normalize(string? claim) =>
        string.Join(' ', TextTokenizer.TokenSet(claim).Order(StringComparer.Ordinal));

    /// <summary>The hash of the normalized claim; null when it has no content words (nothing to remember).</summary>
    public static string? Hash(string? claim)
    {
        string normalized = Normalize(claim);
        return normalized.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..HashLength];
    }
}
