using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Workflow.Review;

/// <summary>What a producer's decision on a finished episode did.</summary>
/// <param name="Conflict">Why nothing was decided (the episode is not a needs-review one); null otherwise.</param>
/// <param name="Revoice">On approval: the re-voice that produces and publishes the approved script's audio.</param>
public sealed record DecisionOutcome(string? Conflict, RevoiceStart? Revoice = null);

/// <summary>
/// A producer's decision on a finished <c>needs-review</c> episode (the orchestration is over, nothing waits for an event):
/// approve records the decision in the manifest and continues to audio through the re-voice of the current script (made
/// edit revision 1 when it was never edited), which may then publish; reject ends the episode <c>rejected</c> with the
/// reason in the manifest, and it is never published.
/// </summary>
public sealed class EpisodeDecisions(IArtifactStore store, ScriptEditor editor, TimeProvider time, ILogger<EpisodeDecisions> logger)
{
    static readonly string _needsReview = EpisodeOutcomes.Status(EpisodeOutcome.NeedsReview);

    /// <summary>Approves <paramref name="episode"/> and starts its audio; a conflict unless it is a needs-review episode.</summary>
    public async Task<DecisionOutcome> ApproveAsync(EditableEpisode episode, string? reviewer, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        string id = episode.Input.EpisodeId;
        EpisodeManifest? manifest = await editor.ManifestAsync(id, cancellationToken);
        if (Refusal(id, manifest) is { } refused)
        {
            return new DecisionOutcome(refused);
        }

        if (manifest!.Decision is not { Approved: true })
        {
            await WriteAsync(manifest with { Decision = new ReviewDecision(true, reviewer, comment, time.GetUtcNow()) }, cancellationToken);
        }

        int latest = await editor.LatestRevisionAsync(id, cancellationToken);
        if ((latest == 0 || (await editor.LatestRevoiceAsync(id, cancellationToken))?.Revision == latest)
            && await editor.ReadAsync(id, episode.Input.Request.Hosts, cancellationToken) is { } current)
        {
            // A re-voice voices an edit revision once: the approved script is saved unchanged as the next revision (its speech
            // is reused, nothing is paid twice) unless the newest edit was never voiced. A concurrent approval may save it first.
            await editor.TrySaveAsync(id, current, current.Title, current.Turns, current.Hosts, cancellationToken);
        }

        RevoiceStart start = await editor.StartRevoiceAsync(episode, cancellationToken);
        Logs.EpisodeDecided(logger, id, approved: true, reviewer ?? "");
        return new DecisionOutcome(start.Conflict, start);
    }

    /// <summary>Rejects <paramref name="id"/> with <paramref name="reason"/>; a conflict unless it is a needs-review episode.</summary>
    public async Task<DecisionOutcome> RejectAsync(string id, string? reviewer, string reason, CancellationToken cancellationToken)
    {
        EpisodeManifest? manifest = await editor.ManifestAsync(id, cancellationToken);
        if (Refusal(id, manifest) is { } refused)
        {
            return new DecisionOutcome(refused);
        }

        if (manifest!.Decision is { Approved: true })
        {
            return new DecisionOutcome($"Episode '{id}' was approved{By(manifest.Decision.Reviewer)}; its audio is being produced and cannot be rejected now.");
        }

        string error = $"rejected{By(reviewer)}: {reason}";
        await WriteAsync(manifest with
        {
            Status = EpisodeOutcomes.Status(EpisodeOutcome.Rejected),
            Error = error,
            Decision = new ReviewDecision(false, reviewer, reason, time.GetUtcNow()),
        }, cancellationToken);
        Logs.EpisodeDecided(logger, id, approved: false, reviewer ?? "");
        return new DecisionOutcome(null);
    }

    static string? Refusal(string id, EpisodeManifest? manifest) => manifest?.Status == _needsReview
        ? null
        : $"Episode '{id}' {(manifest is null ? "has no manifest" : "is " + manifest.Status)}: only a needs-review episode can be approved or rejected after it has finished.";

    static string By(string? reviewer) => string.IsNullOrWhiteSpace(reviewer) ? "" : " by " + reviewer;

    Task WriteAsync(EpisodeManifest manifest, CancellationToken cancellationToken) =>
        store.WriteJsonAsync(ArtifactNames.Manifest(manifest.EpisodeId), manifest, inputHash: null, cancellationToken);
}
