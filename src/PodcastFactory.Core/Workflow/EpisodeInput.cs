using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The orchestration input. Sources are captured as artifacts when the episode starts, so the input stays
/// small (queue messages are capped at 64 KB and the input is replayed with the history).
/// </summary>
/// <param name="EpisodeId">Instance id and artifact folder.</param>
/// <param name="Request">The validated request, with <see cref="EpisodeRequest.Sources"/> emptied.</param>
/// <param name="Sources">The captured sources.</param>
/// <param name="Settings">Host settings frozen at start, so a replay sees the same values.</param>
public sealed record EpisodeInput(string EpisodeId, EpisodeRequest Request, IReadOnlyList<SourceRef> Sources, EpisodeSettings Settings);

/// <summary>A captured source: its display name and the artifact holding its text.</summary>
public sealed record SourceRef(string Name, string Artifact);

/// <summary>Settings the orchestrator needs, frozen into its input at start.</summary>
/// <param name="MaxParallelSegments">Bounded fan-out for speech segments.</param>
/// <param name="SegmentMaxCharacters">Segment size limit (already capped by the speech provider's limit).</param>
/// <param name="Estimates">Cost estimates used to enforce the budget before a call is made.</param>
public sealed record EpisodeSettings(int MaxParallelSegments, int SegmentMaxCharacters, CostEstimates Estimates);
