using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Workflow.Quotes;
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
    IReadOnlyList<string> Warnings,
    IReadOnlyList<SourceRef>? Sources = null);

/// <summary>Output of <see cref="WriteManifestActivity"/>.</summary>
public sealed record WriteManifestOutput(string Artifact, int ArtifactCount, decimal TotalCostUsd);

/// <summary>Writes <c>manifest.json</c>, listing the episode's artifacts as they are in the store.</summary>
public sealed class WriteManifestActivity(IArtifactStore store) : TaskActivity<WriteManifestInput, WriteManifestOutput>
{
    /// <inheritdoc />
    public override async Task<WriteManifestOutput> RunAsync(TaskActivityContext context, WriteManifestInput input)
    {
        string name = ArtifactNames.Manifest(input.EpisodeId);
        List<ManifestArtifact> artifacts = await ListArtifactsAsync(store, input.EpisodeId);

        CostJournal journal = await JournalReader.ReadAsync(store, ArtifactNames.Journal(input.EpisodeId));
        IReadOnlyList<Interruption> interruptions = journal.Interruptions();
        ManifestCosts costs = ManifestCostBuilder.Build(input.Ledger, journal);

        var manifest = new EpisodeManifest(
            input.EpisodeId,
            input.Request.Topic,
            input.Status,
            input.Error,
            // The input's request has its sources emptied (their text is in artifacts): list what they were instead.
            input.Request with { Sources = (input.Sources ?? []).Select(s => s.ToRequestSource()).ToList() },
            input.CompletedAt,
            ManifestCostBuilder.WithoutDowntime(input.Stages, interruptions),
            costs,
            artifacts,
            input.Warnings,
            (input.Sources ?? []).Select(s => new ManifestSource(s.Kind, s.Name, s.Url, s.Artifact, s.Bytes, s.Sha256)).ToList(),
            await FactCheckAsync(input.EpisodeId, artifacts),
            interruptions,
            Quote: await QuoteStore.ReadAttachedAsync(store, input.EpisodeId, CancellationToken.None) is { } quote ? ManifestQuote.Of(quote, input.Ledger) : null,
            Series: await ManifestSeries.ReadAsync(store, input.EpisodeId, input.Request.Show, CancellationToken.None));
        await store.WriteJsonAsync(name, manifest, inputHash: null, CancellationToken.None);
        ManifestMetrics.Written(manifest.Status, manifest.Stages);
        return new WriteManifestOutput(name, artifacts.Count, costs.TotalUsd);
    }

    /// <summary>Every artifact of the episode except the manifest itself, as stored now.</summary>
    public static async Task<List<ManifestArtifact>> ListArtifactsAsync(IArtifactStore store, string episodeId)
    {
        ArgumentNullException.ThrowIfNull(store);
        string name = ArtifactNames.Manifest(episodeId);
        var artifacts = new List<ManifestArtifact>();
        await foreach (ArtifactInfo info in store.ListAsync(episodeId + "/", CancellationToken.None))
        {
            // The cost journal (one file per attempt) is summed up in the costs, not listed.
            if (info.Name != name && !info.Name.StartsWith(ArtifactNames.Journal(episodeId), StringComparison.Ordinal))
            {
                artifacts.Add(new ManifestArtifact(info.Name, info.Length, info.ContentType));
            }
        }

        return artifacts;
    }

    // Claims checked and supported, for the final script against the merged research (when both exist): the judge's
    // verdicts with their reasons when the final revision's review has them (model path), else the offline rule's.
    async Task<FactCheckReport?> FactCheckAsync(string episodeId, List<ManifestArtifact> artifacts)
    {
        string scriptName = ArtifactNames.Script(episodeId), research = ArtifactNames.ResearchJson(episodeId);
        if (!artifacts.Any(a => a.Name == scriptName) || !artifacts.Any(a => a.Name == research))
        {
            return null;
        }

        Script script = await store.ReadJsonAsync<Script>(scriptName, CancellationToken.None);
        string reviewName = ArtifactNames.Review(episodeId, script.Revision);
        if (artifacts.Any(a => a.Name == reviewName)
            && (await store.ReadJsonAsync<ScriptReview>(reviewName, CancellationToken.None)).FactCheck is { Method: FactCheckReport.Judge } judged)
        {
            return judged;
        }

        return Agents.Offline.FactCheck.Run(script, await store.ReadJsonAsync<ResearchNotes>(research, CancellationToken.None));
    }
}
