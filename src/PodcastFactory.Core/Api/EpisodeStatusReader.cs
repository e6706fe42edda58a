using PodcastFactory.Core.Models;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Publishing;
using System.Runtime.CompilerServices;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Review;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Api;

/// <summary>Turns orchestration metadata (and the stored artifacts) into the status contract.</summary>
public sealed class EpisodeStatusReader(IArtifactStore store)
{
    /// <summary>
    /// Builds the status of one episode; artifacts (and the last review, when there is one) are read from the store when
    /// <paramref name="withArtifacts"/>. Once finished, the outcome is the manifest's: a producer's later decision changes it there.
    /// </summary>
    public async Task<EpisodeStatusResponse> ReadAsync(OrchestrationMetadata metadata, string baseUrl, bool withArtifacts, CancellationToken cancellationToken)
    {
        string id = metadata.InstanceId;
        EpisodeProgress? progress = ReadProgress(metadata.SerializedCustomStatus);
        EpisodeResult? result = ReadResult(metadata);
        EpisodeManifest? manifest = metadata.IsCompleted ? await ManifestAsync(id, cancellationToken) : null;
        EpisodeOutcome? outcome = result is null ? null : EpisodeOutcomes.Parse(manifest?.Status) ?? result.Outcome;
        // A failed episode has no result; its manifest has the cost from the journal, failed attempts included.
        decimal? failedCost = result is null && metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? manifest?.Costs.TotalUsd : null;
        Publication? publication = withArtifacts ? await PublicationAsync(id, cancellationToken) : null;
        return new EpisodeStatusResponse(
            id,
            metadata.RuntimeStatus,
            outcome,
            result?.Title,
            progress?.Stage,
            progress?.Percent ?? 0,
            result?.CostUsd ?? failedCost ?? progress?.CostUsd ?? 0,
            // An approved needs-review episode got its audio from a re-voice: its length is the published master's.
            result?.AudioSeconds ?? publication?.DurationSeconds,
            result?.Warnings ?? progress?.Warnings ?? [],
            outcome == EpisodeOutcome.Rejected ? manifest?.Error : ErrorOf(metadata),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            baseUrl + ApiRoutes.EpisodePath(id),
            withArtifacts ? await ArtifactsAsync(id, cancellationToken) : null,
            publication,
            ReadRequest(metadata)?.Topic,
            Review: withArtifacts && outcome is not null ? await EpisodeReview.ReadAsync(store, id, manifest?.Decision, cancellationToken) : null,
            Show: ReadRequest(metadata)?.Show);
    }

    /// <summary>
    /// The status of an episode the backend does not know, from its <c>manifest.json</c> (e.g. one <c>podcast produce</c>
    /// ran on its own in-memory backend into the same store); null when there is no manifest either.
    /// </summary>
    public async Task<EpisodeStatusResponse?> ReadStoredAsync(string id, string baseUrl, bool withArtifacts, CancellationToken cancellationToken)
    {
        if (await ManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return null;
        }

        EpisodeOutcome? outcome = EpisodeOutcomes.Parse(manifest.Status);
        Publication? publication = await PublicationAsync(id, cancellationToken);
        var completedAt = new DateTimeOffset(DateTime.SpecifyKind(manifest.CompletedAt, DateTimeKind.Utc));
        return new EpisodeStatusResponse(
            id,
            outcome is null ? OrchestrationRuntimeStatus.Failed : OrchestrationRuntimeStatus.Completed,
            outcome,
            await TitleAsync(id, cancellationToken),
            Stages.Done,
            100,
            manifest.Costs.TotalUsd,
            publication?.DurationSeconds,
            manifest.Warnings,
            manifest.Error,
            manifest.Stages.Count > 0 ? new DateTimeOffset(DateTime.SpecifyKind(manifest.Stages.Min(st => st.StartedAt), DateTimeKind.Utc)) : completedAt,
            completedAt,
            baseUrl + ApiRoutes.EpisodePath(id),
            withArtifacts ? await ArtifactsAsync(id, cancellationToken) : null,
            withArtifacts ? publication : null,
            manifest.Topic,
            Review: withArtifacts ? await EpisodeReview.ReadAsync(store, id, manifest.Decision, cancellationToken) : null,
            FromManifest: true,
            Show: manifest.Request.Show);
    }

    /// <summary>Ids of the episodes with a <c>manifest.json</c> in the store.</summary>
    public async IAsyncEnumerable<string> StoredIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ArtifactInfo info in store.ListAsync("", cancellationToken))
        {
            int slash = info.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && info.Name.AsSpan(slash + 1).SequenceEqual("manifest.json") && EpisodeIds.IsValid(info.Name[..slash]))
            {
                yield return info.Name[..slash];
            }
        }
    }

    async Task<EpisodeManifest?> ManifestAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReadJsonIfExistsAsync<EpisodeManifest>(ArtifactNames.Manifest(id), cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null; // a damaged manifest is no status: the episode reads as its orchestration alone (or unknown)
        }
    }

    Task<Publication?> PublicationAsync(string id, CancellationToken cancellationToken) =>
        store.ReadJsonIfExistsAsync<Publication>(ArtifactNames.Publication(id), cancellationToken);

    async Task<string?> TitleAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadJsonIfExistsAsync<Script>(ArtifactNames.Script(id), cancellationToken))?.Title;

    async Task<List<ArtifactLink>> ArtifactsAsync(string id, CancellationToken cancellationToken)
    {
        var artifacts = new List<ArtifactLink>();
        await foreach (ArtifactInfo info in store.ListAsync(id + "/", cancellationToken))
        {
            if (info.Name.StartsWith(ArtifactNames.Journal(id), StringComparison.Ordinal))
            {
                continue; // one file per attempt of each paid step: the manifest sums them up
            }

            string relative = info.Name[(id.Length + 1)..];
            artifacts.Add(new ArtifactLink(relative, ApiRoutes.ArtifactPath(id, relative), info.Length, info.ContentType));
        }

        return artifacts;
    }

    /// <summary>The typed progress the orchestrator publishes, if any.</summary>
    public static EpisodeProgress? ReadProgress(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EpisodeProgress>(serialized, PodcastJson.Compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static EpisodeRequest? ReadRequest(OrchestrationMetadata metadata)
    {
        if (string.IsNullOrEmpty(metadata.SerializedInput))
        {
            return null;
        }

        try
        {
            return metadata.ReadInputAs<EpisodeInput>()?.Request;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static EpisodeResult? ReadResult(OrchestrationMetadata metadata)
    {
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed || string.IsNullOrEmpty(metadata.SerializedOutput))
        {
            return null;
        }

        try
        {
            return metadata.ReadOutputAs<EpisodeResult>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? ErrorOf(OrchestrationMetadata metadata) => metadata.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Failed => metadata.FailureDetails is { } details ? FailureReasons.Clean(details.ErrorMessage) : "The episode failed.",
        OrchestrationRuntimeStatus.Terminated => "The episode was cancelled.",
        _ => null,
    };
}
