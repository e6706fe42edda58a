namespace PodcastFactory.Core.Models;

/// <summary>A script claim whose cited passage does not support it.</summary>
/// <param name="Turn">1-based turn number.</param>
/// <param name="Note">0-based index of the cited note.</param>
/// <param name="Reason">Why it is unsupported (invalid index, or the measured match against the passage).</param>
public sealed record UnsupportedClaim(int Turn, int Note, string Reason);

/// <summary>Every claim of a script checked against the passage it cites.</summary>
/// <param name="ClaimsChecked">Claims (turn, cited note) checked.</param>
/// <param name="ClaimsSupported">Claims whose passage supports the turn.</param>
/// <param name="Unsupported">The others, with the turn named.</param>
public sealed record FactCheckReport(int ClaimsChecked, int ClaimsSupported, IReadOnlyList<UnsupportedClaim> Unsupported);
