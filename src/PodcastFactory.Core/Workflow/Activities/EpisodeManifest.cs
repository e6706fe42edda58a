using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// <c>manifest.json</c>: what each agent did, how long it took, what it cost, and what was produced; <c>status</c> is the
/// outcome (completed, partial, needs-review, rejected, failed) and <c>decision</c> a producer's later approval or rejection.
/// </summary>
public sealed record EpisodeManifest(
    string EpisodeId,
    string Topic,
    string Status,
    string? Error,
    EpisodeRequest Request,
    DateTime CompletedAt,
    IReadOnlyList<StageRecord> Stages,
    ManifestCosts Costs,
    IReadOnlyList<ManifestArtifact> Artifacts,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ManifestSource>? Sources = null,
    FactCheckReport? FactCheck = null,
    IReadOnlyList<Interruption>? Interruptions = null,
    IReadOnlyList<ManifestRevision>? Revisions = null,
    Review.ReviewDecision? Decision = null,
    Quotes.ManifestQuote? Quote = null,
    ManifestSeries? Series = null);

/// <summary>One artifact in the manifest.</summary>
public sealed record ManifestArtifact(string Name, long Bytes, string ContentType);

/// <summary>
/// Cost section of the manifest, from the cost journal: the total that never under-reports (answered calls at their
/// price plus calls that may have been billed at their estimate), per agent, the orchestrator's ledger by stage, and
/// the possibly billed calls one by one.
/// </summary>
/// <param name="TotalUsd"><see cref="PaidUsd"/> + <see cref="PossiblyBilledUsd"/>.</param>
/// <param name="ByAgent">Per agent, from the journal (every attempt of every run).</param>
/// <param name="Calls">The orchestrator's ledger: each step's cost attributed to its stage.</param>
/// <param name="PaidUsd">Answered calls, at their price.</param>
/// <param name="PossiblyBilledUsd">Calls whose answer was lost, at their estimate.</param>
/// <param name="PossiblyBilled">Those calls one by one.</param>
/// <param name="JournaledCalls">Provider calls in the journal: answered, not billed (refused) and possibly billed.</param>
public sealed record ManifestCosts(
    decimal TotalUsd,
    IReadOnlyList<AgentCostSummary> ByAgent,
    IReadOnlyList<LedgerEntry> Calls,
    decimal PaidUsd = 0m,
    decimal PossiblyBilledUsd = 0m,
    IReadOnlyList<PossiblyBilledCall>? PossiblyBilled = null,
    JournaledCallCounts? JournaledCalls = null);

/// <summary>How many provider calls the journal holds, by how they ended.</summary>
public sealed record JournaledCallCounts(int Answered, int NotBilled, int PossiblyBilled, int Attempts, int FailedAttempts);

/// <summary>One re-voice of an edited script, as the manifest records it; its calls are in the ledger under <paramref name="Stage"/>.</summary>
/// <param name="Revision">The edit revision voiced.</param>
/// <param name="At">When the re-voice finished.</param>
/// <param name="Stage">The ledger stage of its calls, <c>revoice-r{n}</c>.</param>
/// <param name="Segments">Segments in the revision's plan.</param>
/// <param name="SegmentsSynthesized">Segments paid for.</param>
/// <param name="SegmentsReused">Segments whose stored speech was reused.</param>
/// <param name="CharactersSynthesized">Characters sent to the speech provider.</param>
/// <param name="CostUsd">What the re-voice cost.</param>
/// <param name="AudioSeconds">The new episode's duration.</param>
/// <param name="Published">True when the publish stage ran again.</param>
/// <param name="Warnings">What failed softly.</param>
public sealed record ManifestRevision(
    int Revision,
    DateTime At,
    string Stage,
    int Segments,
    int SegmentsSynthesized,
    int SegmentsReused,
    long CharactersSynthesized,
    decimal CostUsd,
    double AudioSeconds,
    bool Published,
    IReadOnlyList<string> Warnings);

/// <summary>One supplied source as the manifest records it: what it was, not its text (that is in <c>Artifact</c>).</summary>
/// <param name="Kind">text, file or url.</param>
/// <param name="Name">Display name.</param>
/// <param name="Url">The URL of a URL source.</param>
/// <param name="Artifact">The captured copy.</param>
/// <param name="Bytes">Size of the captured text in UTF-8 bytes.</param>
/// <param name="Sha256">SHA-256 (hex) of the captured text.</param>
public sealed record ManifestSource(SourceKind Kind, string Name, string? Url, string Artifact, long Bytes, string? Sha256);
