using PodcastFactory.Core.Models;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Api;

/// <summary>Turns orchestration metadata (and the stored artifacts) into the status contract.</summary>
public sealed class EpisodeStatusReader(IArtifactStore store)
{
    /// <summary>Builds the status of one episode; artifacts are listed from the store when <paramref name="withArtifacts"/>.</summary>
    public async Task<EpisodeStatusResponse> ReadAsync(OrchestrationMetadata metadata, string baseUrl, bool withArtifacts, CancellationToken cancellationToken)
    {
        string id = metadata.InstanceId;
        EpisodeProgress? progress = ReadProgress(metadata.SerializedCustomStatus);
        EpisodeResult? result = ReadResult(metadata);
        List<ArtifactLink>? artifacts = null;
        Publication? publication = null;
        if (withArtifacts && await store.GetInfoAsync(ArtifactNames.Publication(id), cancellationToken) is not null)
        {
            publication = await store.ReadJsonAsync<Publication>(ArtifactNames.Publication(id), cancellationToken);
        }

        if (withArtifacts)
        {
            artifacts = [];
            await foreach (ArtifactInfo info in store.ListAsync(id + "/", cancellationToken))
            {
                if (info.Name.StartsWith(ArtifactNames.Journal(id), StringComparison.Ordinal))
                {
                    continue; // one file per attempt of each paid step: the manifest sums them up
                }

                string relative = info.Name[(id.Length + 1)..];
                artifacts.Add(new ArtifactLink(relative, ApiRoutes.ArtifactPath(id, relative), info.Length, info.ContentType));
            }
        }

        // A failed episode has no result; its manifest has the cost from the journal, failed attempts included.
        decimal? failedCost = result is null && withArtifacts && metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed
            && await store.GetInfoAsync(ArtifactNames.Manifest(id), cancellationToken) is not null
            ? (await store.ReadJsonAsync<Workflow.Activities.EpisodeManifest>(ArtifactNames.Manifest(id), cancellationToken)).Costs.TotalUsd
            : null;
        return new EpisodeStatusResponse(
            id,
            metadata.RuntimeStatus,
            result?.Outcome,
            result?.Title,
            progress?.Stage,
            progress?.Percent ?? 0,
            result?.CostUsd ?? failedCost ?? progress?.CostUsd ?? 0,
            result?.AudioSeconds,
            result?.Warnings ?? progress?.Warnings ?? [],
            ErrorOf(metadata),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            baseUrl + ApiRoutes.EpisodePath(id),
            artifacts,
            publication,
            ReadTopic(metadata));
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

    static string? ReadTopic(OrchestrationMetadata metadata)
    {
        if (string.IsNullOrEmpty(metadata.SerializedInput))
        {
            return null;
        }

        try
        {
            return metadata.ReadInputAs<EpisodeInput>()?.Request.Topic;
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
        OrchestrationRuntimeStatus.Failed => metadata.FailureDetails?.ErrorMessage ?? "The episode failed.",
        OrchestrationRuntimeStatus.Terminated => "The episode was cancelled.",
        _ => null,
    };
}
