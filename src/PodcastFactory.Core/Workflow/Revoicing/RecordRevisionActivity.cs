using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Workflow.Revoicing;

/// <summary>Input of <see cref="RecordRevisionActivity"/>.</summary>
/// <param name="Result">What the re-voice did.</param>
/// <param name="Stage">Its ledger stage.</param>
/// <param name="At">When it finished (orchestration time).</param>
/// <param name="Calls">Its speech calls, cache hits included.</param>
public sealed record RecordRevisionInput(RevoiceResult Result, string Stage, DateTime At, IReadOnlyList<AgentUsage> Calls);

/// <summary>Output of <see cref="RecordRevisionActivity"/>.</summary>
/// <param name="Artifact">The manifest.</param>
/// <param name="TotalCostUsd">The episode's cost across the first production and every re-voice.</param>
public sealed record RecordRevisionOutput(string Artifact, decimal TotalCostUsd);

/// <summary>
/// Adds a re-voice to <c>manifest.json</c>: its calls join the ledger under <c>revoice-r{n}</c>, the totals are summed
/// again over the first production and every re-voice, the revision goes into <c>revisions</c>, and the artifact list
/// is taken again. Recording the same revision twice (a retried activity) replaces it instead of counting it twice.
/// </summary>
public sealed class RecordRevisionActivity(IArtifactStore store) : TaskActivity<RecordRevisionInput, RecordRevisionOutput>
{
    /// <inheritdoc />
    public override async Task<RecordRevisionOutput> RunAsync(TaskActivityContext context, RecordRevisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RevoiceResult result = input.Result;
        string name = ArtifactNames.Manifest(result.EpisodeId);
        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(name, CancellationToken.None);
        List<LedgerEntry> calls = [.. manifest.Costs.Calls.Where(c => c.Stage != input.Stage), .. input.Calls.Select(u => new LedgerEntry(input.Stage, u))];
        // Totals come from the journal of every run (first production and every re-voice), as in WriteManifestActivity.
        CostJournal journal = await JournalReader.ReadAsync(store, ArtifactNames.Journal(result.EpisodeId));
        ManifestCosts costs = ManifestCostBuilder.Build(calls, journal);

        var revision = new ManifestRevision(result.Revision, input.At, input.Stage, result.Segments, result.SegmentsSynthesized, result.SegmentsReused,
            result.CharactersSynthesized, result.CostUsd, result.AudioSeconds, result.Published, result.Warnings);
        EpisodeManifest updated = manifest with
        {
            // A needs-review episode a producer approved is complete once its approved audio is published.
            Status = result.Published && manifest.Decision is { Approved: true } && manifest.Status == EpisodeOutcomes.Status(EpisodeOutcome.NeedsReview)
                ? EpisodeOutcomes.Status(EpisodeOutcome.Completed)
                : manifest.Status,
            Costs = costs,
            Interruptions = journal.Interruptions(),
            Artifacts = await WriteManifestActivity.ListArtifactsAsync(store, result.EpisodeId),
            Revisions = [.. (manifest.Revisions ?? []).Where(r => r.Revision != result.Revision).Append(revision).OrderBy(r => r.Revision)],
        };
        await store.WriteJsonAsync(name, updated, inputHash: null, CancellationToken.None);
        return new RecordRevisionOutput(name, costs.TotalUsd);
    }
}
