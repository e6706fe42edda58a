using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Review;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Api;

/// <summary>Body of a successful <c>POST /api/episodes</c> (202 for a new episode, 200 when the id already existed).</summary>
/// <param name="Id">The episode id.</param>
/// <param name="Created">False when the id already existed and nothing new was started.</param>
/// <param name="StatusUrl">Absolute URL of <c>GET /api/episodes/{id}</c> (also the Location header).</param>
/// <param name="CallbackSecret">The signing secret of the request's <c>callbackUrl</c> (<c>whsec_...</c>): in the 202 only, never shown again.</param>
/// <param name="CallbackId">The callback's subscription id, for <c>GET /api/webhooks/{id}/deliveries</c>.</param>
public sealed record StartEpisodeResponse(string Id, bool Created, string StatusUrl, string? CallbackSecret = null, string? CallbackId = null);

/// <summary>Body of <c>GET /api/episodes/{id}</c> (and the items of the list).</summary>
/// <param name="Id">Episode id.</param>
/// <param name="RuntimeStatus">Durable runtime status: pending, running, completed, failed, terminated, suspended.</param>
/// <param name="Outcome">completed, partial, needs-review or rejected, once the orchestration completed (the manifest's status: a producer's later decision changes it).</param>
/// <param name="Title">Episode title, once completed.</param>
/// <param name="Stage">The stage last published by the orchestrator (see <see cref="Stages"/>).</param>
/// <param name="Percent">Rough completion 0..100.</param>
/// <param name="CostUsd">Cost so far (total once completed; after re-voices, the first production plus every re-voice).</param>
/// <param name="AudioSeconds">Audio duration, once completed with audio.</param>
/// <param name="Warnings">Warnings so far.</param>
/// <param name="Error">Why the episode failed or was cancelled.</param>
/// <param name="CreatedAt">When the episode was started.</param>
/// <param name="LastUpdatedAt">When its state last changed.</param>
/// <param name="StatusUrl">Absolute URL of this status.</param>
/// <param name="Artifacts">Stored artifacts with download links (omitted in lists).</param>
/// <param name="Publication">What the publish stage measured and wrote (<c>publish.json</c>), when it ran; omitted in lists.</param>
/// <param name="Topic">The topic the episode was started with (from its input), so a list can name a running episode.</param>
/// <param name="Revoice">The latest re-voice of an edited script (revision, runtime status, segments synthesized and reused, cost); omitted when there is none and in lists.</param>
/// <param name="Review">Why the episode needs review: the last review's failed checks with their messages, its suggestions and a producer's decision; omitted in lists and before the episode finished.</param>
/// <param name="Show">The show the episode belongs to; omitted for the default show.</param>
/// <param name="FromManifest">True when the backend does not know the episode and this status was read from its <c>manifest.json</c> (e.g. produced by <c>podcast produce</c> into the same store).</param>
public sealed record EpisodeStatusResponse(
    string Id,
    OrchestrationRuntimeStatus RuntimeStatus,
    EpisodeOutcome? Outcome,
    string? Title,
    string? Stage,
    int Percent,
    decimal CostUsd,
    double? AudioSeconds,
    IReadOnlyList<string> Warnings,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string StatusUrl,
    IReadOnlyList<ArtifactLink>? Artifacts,
    Publication? Publication = null,
    string? Topic = null,
    RevoiceStatus? Revoice = null,
    EpisodeReview? Review = null,
    bool? FromManifest = null,
    string? Show = null);

/// <summary>One stored artifact of an episode.</summary>
/// <param name="Name">Name relative to the episode folder, e.g. <c>episode.wav</c> or <c>research/angle-1.md</c>.</param>
/// <param name="Url">Download path: <c>/api/episodes/{id}/artifacts/{name}</c>.</param>
/// <param name="Bytes">Size.</param>
/// <param name="ContentType">MIME type.</param>
public sealed record ArtifactLink(string Name, string Url, long Bytes, string ContentType);

/// <summary>Body of <c>GET /api/episodes</c>: one page, newest backend order, episodes only (no sub-orchestrations).</summary>
/// <param name="Items">The episodes on this page.</param>
/// <param name="ContinuationToken">Pass back as <c>?continuationToken=</c> for the next page; null on the last page.</param>
public sealed record EpisodeListResponse(IReadOnlyList<EpisodeStatusResponse> Items, string? ContinuationToken);
