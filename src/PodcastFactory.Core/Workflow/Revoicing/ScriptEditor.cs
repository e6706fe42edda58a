using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Workflow.Revoicing;

/// <summary>
/// Script edits and re-voices, shared by both hosts' API and the benchmark. Every edit is a new revision file created
/// conditionally (<c>{id}/edits/script-r{n}.json</c>: of two concurrent saves on one revision, one wins), older
/// revisions are kept, and <c>script.json</c>/<c>script.md</c> follow the newest. A re-voice is started at most once per
/// revision: a conditional claim in the store decides who schedules <c>{id}-revoice-{n}</c>.
/// </summary>
public sealed class ScriptEditor(IArtifactStore store, DurableTaskClient client, TimeProvider time, ILogger<ScriptEditor> logger)
{
    const string EditPrefix = "script-r";

    /// <summary>The episode's orchestration and input; null for an unknown episode (or an id that is not one).</summary>
    public async Task<EditableEpisode?> FindAsync(string id, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        EpisodeInput? input = metadata?.Name == nameof(EpisodeOrchestrator) ? metadata.ReadInputAs<EpisodeInput>() : null;
        return input is null ? null : new EditableEpisode(metadata!, input);
    }

    /// <summary>The newest edit revision (0 when the script was never edited).</summary>
    public async Task<int> LatestRevisionAsync(string id, CancellationToken cancellationToken)
    {
        int latest = 0;
        string folder = ArtifactNames.EditsFolder(id);
        await foreach (ArtifactInfo info in store.ListAsync(folder + EditPrefix, cancellationToken))
        {
            string file = info.Name[(folder.Length + EditPrefix.Length)..];
            if (file.EndsWith(".json", StringComparison.Ordinal)
                && int.TryParse(file[..^5], NumberStyles.None, CultureInfo.InvariantCulture, out int revision))
            {
                latest = Math.Max(latest, revision);
            }
        }

        return latest;
    }

    /// <summary>The current script: the newest edit, or (revision 0) the pipeline's script with the episode's hosts and lexicon; null when there is no script.</summary>
    public async Task<ScriptEdit?> ReadAsync(string id, IReadOnlyList<HostVoice> hosts, CancellationToken cancellationToken, IReadOnlyList<LexiconEntry>? lexicon = null)
    {
        int latest = await LatestRevisionAsync(id, cancellationToken);
        if (latest > 0)
        {
            return await store.ReadJsonAsync<ScriptEdit>(ArtifactNames.ScriptEdit(id, latest), cancellationToken);
        }

        if (await store.GetInfoAsync(ArtifactNames.Script(id), cancellationToken) is not { } info)
        {
            return null;
        }

        Script script = await store.ReadJsonAsync<Script>(ArtifactNames.Script(id), cancellationToken);
        return new ScriptEdit(script.Title, script.Turns, 0, hosts, info.LastModified, lexicon is { Count: > 0 } ? lexicon : null);
    }

    /// <summary>The ETag of a revision: opaque, changes with every revision and with its content.</summary>
    public static string ETag(ScriptEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        string hash = InputHash.Of(edit.Title, edit.Turns, edit.Hosts, edit.Revision);
        return string.Create(CultureInfo.InvariantCulture, $"\"r{edit.Revision}-{hash[..16]}\"");
    }

    /// <summary>
    /// Saves the next revision after <paramref name="current"/>; null when another save took that revision first
    /// (the caller's If-Match is then stale). The pipeline's script is kept as revision 0 on the first edit. A null
    /// <paramref name="lexicon"/> keeps the current revision's.
    /// </summary>
    public async Task<ScriptEdit?> TrySaveAsync(string id, ScriptEdit current, string title, IReadOnlyList<ScriptTurn> turns, IReadOnlyList<HostVoice> hosts, CancellationToken cancellationToken,
        IReadOnlyList<LexiconEntry>? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Revision == 0)
        {
            await store.TryCreateJsonAsync(ArtifactNames.ScriptEdit(id, 0), current, cancellationToken);
        }

        var next = new ScriptEdit(title, turns, current.Revision + 1, hosts, time.GetUtcNow(), lexicon ?? current.Lexicon);
        if (!await store.TryCreateJsonAsync(ArtifactNames.ScriptEdit(id, next.Revision), next, cancellationToken))
        {
            return null;
        }

        // script.json keeps its review revision number; the edit revision is in the edit file and the API.
        Script pipeline = await store.ReadJsonAsync<Script>(ArtifactNames.Script(id), cancellationToken);
        Script edited = pipeline with { Title = title, Turns = turns };
        await store.WriteJsonAsync(ArtifactNames.Script(id), edited, inputHash: null, cancellationToken);
        await store.WriteTextAsync(ArtifactNames.ScriptMarkdown(id), ScriptMarkdown.Render(edited), inputHash: null, cancellationToken);
        Logs.ScriptEdited(logger, id, next.Revision, turns.Count);
        return next;
    }

    /// <summary>
    /// Starts the re-voice of the newest edit revision unless it was started before (then <see cref="RevoiceStart.Created"/>
    /// is false and nothing new runs); a conflict when there is no edit or an older re-voice is still running.
    /// </summary>
    public async Task<RevoiceStart> StartRevoiceAsync(EditableEpisode episode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        string id = episode.Input.EpisodeId;
        int revision = await LatestRevisionAsync(id, cancellationToken);
        if (revision == 0)
        {
            return new RevoiceStart(0, false, $"Episode '{id}' has no script edit to re-voice: PUT its script first.");
        }

        if (await client.GetInstanceAsync(RevoiceOrchestrator.InstanceId(id, revision), cancellationToken) is not null)
        {
            Logs.RevoiceRequested(logger, id, revision, created: false);
            return new RevoiceStart(revision, false, null);
        }

        for (int older = revision - 1; older >= 1; older--)
        {
            if (await client.GetInstanceAsync(RevoiceOrchestrator.InstanceId(id, older), cancellationToken) is { IsCompleted: false })
            {
                return new RevoiceStart(revision, false, $"The re-voice of revision {older} of episode '{id}' is still running; start this one when it has finished.");
            }
        }

        if (!await ClaimAsync(id, revision, cancellationToken))
        {
            Logs.RevoiceRequested(logger, id, revision, created: false);
            return new RevoiceStart(revision, false, null);
        }

        ScriptEdit edit = await store.ReadJsonAsync<ScriptEdit>(ArtifactNames.ScriptEdit(id, revision), cancellationToken);
        EpisodeManifest? manifest = await ManifestAsync(id, cancellationToken);
        var input = new RevoiceInput(id, revision, episode.Input.Request.Language, edit.Hosts, episode.Input.Settings,
            episode.Input.Sources.Select(s => s.Name).ToList(), ModelCredits.Of(manifest?.Costs.Calls ?? []),
            await store.GetInfoAsync(ArtifactNames.Social(id), cancellationToken) is null ? null : ArtifactNames.Social(id),
            episode.Input.Request.BudgetUsd, Review.PublishApproval.HeldReason(manifest), edit.Lexicon);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RevoiceOrchestrator), input,
            new StartOrchestrationOptions(RevoiceOrchestrator.InstanceId(id, revision)), cancellationToken);
        Logs.RevoiceRequested(logger, id, revision, created: true);
        return new RevoiceStart(revision, true, null);
    }

    /// <summary>The newest re-voice that was started, or null when there is none.</summary>
    public async Task<RevoiceStatus?> LatestRevoiceAsync(string id, CancellationToken cancellationToken)
    {
        int latest = await LatestRevisionAsync(id, cancellationToken);
        for (int revision = latest; revision >= 1; revision--)
        {
            string instance = RevoiceOrchestrator.InstanceId(id, revision);
            if (await client.GetInstanceAsync(instance, getInputsAndOutputs: true, cancellationToken) is not { } metadata)
            {
                continue;
            }

            RevoiceResult? result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<RevoiceResult>() : null;
            // Nothing published yet (or a re-voice started before it published progress): no stage.
            EpisodeProgress? progress = metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<EpisodeProgress>();
            return new RevoiceStatus(revision, latest, instance, metadata.RuntimeStatus, result?.Segments, result?.SegmentsSynthesized,
                result?.SegmentsReused, result?.CharactersSynthesized, result?.CostUsd,
                metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? FailureReasons.Clean(metadata.FailureDetails?.ErrorMessage) : null,
                progress?.Stage, progress?.Percent);
        }

        return null;
    }

    /// <summary>The episode's cost across the first production and every recorded re-voice (the manifest's total); null without a manifest.</summary>
    public async Task<decimal?> TotalCostAsync(string id, CancellationToken cancellationToken) =>
        (await ManifestAsync(id, cancellationToken))?.Costs.TotalUsd;

    /// <summary>The episode's <c>manifest.json</c>, or null when it has none yet.</summary>
    public Task<EpisodeManifest?> ManifestAsync(string id, CancellationToken cancellationToken) =>
        store.ReadJsonIfExistsAsync<EpisodeManifest>(ArtifactNames.Manifest(id), cancellationToken);

    // One caller creates the claim and schedules; the backends' own duplicate-id handling is not trusted (docs/guarantees.md).
    // A claim whose owner died before scheduling (no orchestration after ConditionalClaim.OrphanAfter) is taken over.
    async Task<bool> ClaimAsync(string id, int revision, CancellationToken cancellationToken) =>
        (await store.ClaimAsync(
            generation => ArtifactNames.RevoiceClaim(id, revision, generation),
            generation => new RevoiceClaim(revision, generation, time.GetUtcNow()),
            async (_, current) => ConditionalClaim.IsOld(current.ClaimedAt, time)
                && await client.GetInstanceAsync(RevoiceOrchestrator.InstanceId(id, revision), cancellationToken) is null,
            cancellationToken)).Owner;

    sealed record RevoiceClaim(int Revision, int Generation, DateTimeOffset ClaimedAt);
}
