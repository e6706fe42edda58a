using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="WriteManifestActivity"/>: the orchestrator's record of the run.</summary>
public sealed record WriteManifestInput(
    string EpisodeId,
    EpisodeRequest Request,
    string Status,
    string? Error,
    DateTime CompletedAt,
    IReadOnlyList<StageRecord> Stages,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<string> Warnings);

/// <summary>Output of <see cref="WriteManifestActivity"/>.</summary>
public sealed record WriteManifestOutput(string Artifact, int ArtifactCount, decimal TotalCostUsd);

/// <summary>One artifact in the manifest.</summary>
public sealed record ManifestArtifact(string Name, long Bytes, string ContentType);

/// <summary>Cost section of the manifest: totals per agent and in all, plus every call.</summary>
public sealed record ManifestCosts(decimal TotalUsd, IReadOnlyList<AgentCostSummary> ByAgent, IReadOnlyList<LedgerEntry> Calls);

/// <summary><c>manifest.json</c>: what each agent did, how long it took, what it cost, and what was produced.</summary>
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
    IReadOnlyList<string> Warnings);

/// <summary>Writes <c>manifest.json</c>, listing the episode's artifacts as they are in the store.</summary>
public sealed class WriteManifestActivity(IArtifactStore store) : TaskActivity<WriteManifestInput, WriteManifestOutput>
{
    /// <inheritdoc />
    public override async Task<WriteManifestOutput> RunAsync(TaskActivityContext context, WriteManifestInput input)
    {
        string name = ArtifactNames.Manifest(input.EpisodeId);
        var artifacts = new List<ManifestArtifact>();
        await foreach (ArtifactInfo info in store.ListAsync(input.EpisodeId + "/", CancellationToken.None))
        {
            if (info.Name != name)
            {
                artifacts.Add(new ManifestArtifact(info.Name, info.Length, info.ContentType));
            }
        }

        var ledger = new CostLedger();
        foreach (LedgerEntry entry in input.Ledger)
        {
            ledger.Record(entry.Stage, entry.Usage);
        }

        var manifest = new EpisodeManifest(
            input.EpisodeId,
            input.Request.Topic,
            input.Status,
            input.Error,
            input.Request,
            input.CompletedAt,
            input.Stages,
            new ManifestCosts(ledger.TotalUsd, ledger.ByAgent(), input.Ledger),
            artifacts,
            input.Warnings);
        await store.WriteJsonAsync(name, manifest, inputHash: null, CancellationToken.None);
        return new WriteManifestOutput(name, artifacts.Count, ledger.TotalUsd);
    }
}
