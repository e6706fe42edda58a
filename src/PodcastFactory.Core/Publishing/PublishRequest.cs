using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Publishing;

/// <summary>What <see cref="EpisodePublisher"/> needs: artifact names and small facts only.</summary>
/// <param name="EpisodeId">Episode id.</param>
/// <param name="ScriptArtifact">The final script.</param>
/// <param name="PlanArtifact">The audio segment plan.</param>
/// <param name="SegmentArtifacts">The synthesized segments, in order.</param>
/// <param name="ResearchArtifact">Merged research notes (structured), for the summary.</param>
/// <param name="Hosts">Hosts and voices, for the credits.</param>
/// <param name="SourceNames">Source display names (URLs for web sources), for the show notes.</param>
/// <param name="Models">"agent: provider model" lines from the ledger, for the credits.</param>
/// <param name="Language">Episode language.</param>
/// <param name="PublishedAt">Publication time (orchestration clock).</param>
/// <param name="Show">The episode's show, whose feed gets it; null: the root feed.</param>
public sealed record PublishRequest(
    string EpisodeId,
    string ScriptArtifact,
    string PlanArtifact,
    IReadOnlyList<string> SegmentArtifacts,
    string ResearchArtifact,
    IReadOnlyList<HostVoice> Hosts,
    IReadOnlyList<string> SourceNames,
    IReadOnlyList<string> Models,
    string Language,
    DateTime PublishedAt,
    string? Show = null);
