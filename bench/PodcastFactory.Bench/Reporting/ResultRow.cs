namespace PodcastFactory.Bench.Reporting;

/// <summary>One figure of the table.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Backend">memory, azurite, or "-" when no backend is involved.</param>
/// <param name="Figure">What was measured.</param>
/// <param name="Value">The headline value, formatted.</param>
/// <param name="Detail">The numbers it was computed from (medians), so the ratio can be checked.</param>
public sealed record ResultRow(string Scenario, string Backend, string Figure, string Value, string Detail);
