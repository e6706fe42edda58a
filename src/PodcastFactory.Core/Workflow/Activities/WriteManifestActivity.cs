using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
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
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ManifestSource>? Sources = null,
    FactCheckReport? FactCheck = null,
    IReadOnlyList<Interruption>? Interruptions = null);

/// <summary>One supplied source as the manifest records it: what it was, not its text (that is in <c>Artifact</c>).</summary>
/// <param name="Kind">text, file or url.</param>
/// <param name="Name">Display name.</param>
/// <param name="Url">The URL of a URL source.</param>
/// <param name="Artifact">The captured copy.</param>
/// <param name="Bytes">Size of the captured text in UTF-8 bytes.</param>
/// <param name="Sha256">SHA-256 (hex) of the captured text.</param>
public sealed record ManifestSource(SourceKind Kind, string Name, string? Url, string Artifact, long Bytes, string? Sha256);

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
            if (info.Name != name && !info.Name.StartsWith(ArtifactNames.Journal(input.EpisodeId), StringComparison.Ordinal))
            {
                artifacts.Add(new ManifestArtifact(info.Name, info.Length, info.ContentType));
            }
        }

        var ledger = new CostLedger();
        foreach (LedgerEntry entry in input.Ledger)
        {
            ledger.Record(entry.Stage, entry.Usage);
        }

        CostJournal journal = await JournalReader.ReadAsync(store, ArtifactNames.Journal(input.EpisodeId));
        IReadOnlyList<Interruption> interruptions = journal.Interruptions();
        ManifestCosts costs = Costs(ledger, input.Ledger, journal);

        var manifest = new EpisodeManifest(
            input.EpisodeId,
            input.Request.Topic,
            input.Status,
            input.Error,
            // The input's request has its sources emptied (their text is in artifacts): list what they were instead.
            input.Request with { Sources = (input.Sources ?? []).Select(s => s.ToRequestSource()).ToList() },
            input.CompletedAt,
            WithoutDowntime(input.Stages, interruptions),
            costs,
            artifacts,
            input.Warnings,
            (input.Sources ?? []).Select(s => new ManifestSource(s.Kind, s.Name, s.Url, s.Artifact, s.Bytes, s.Sha256)).ToList(),
            await FactCheckAsync(input.EpisodeId, artifacts),
            interruptions);
        await store.WriteJsonAsync(name, manifest, inputHash: null, CancellationToken.None);
        return new WriteManifestOutput(name, artifacts.Count, costs.TotalUsd);
    }

    // The journal is the truth; the orchestrator's ledger can only know less (it has no failed or crashed attempts).
    static ManifestCosts Costs(CostLedger ledger, IReadOnlyList<LedgerEntry> calls, CostJournal journal)
    {
        if (journal.Attempts.Count == 0)
        {
            return new ManifestCosts(ledger.TotalUsd, ledger.ByAgent(), calls, ledger.PaidUsd, ledger.TotalUsd - ledger.PaidUsd, [], null);
        }

        List<JournalEntry> all = journal.Attempts.SelectMany(a => a.Calls).ToList();
        var counts = new JournaledCallCounts(
            all.Count(c => c.State == PaidCallState.Answered),
            all.Count(c => c.State == PaidCallState.NotBilled),
            all.Count(c => c.PossiblyBilled),
            journal.Attempts.Count,
            journal.Attempts.Count(a => a.Outcome == AttemptOutcome.Failed));
        // Reuses are not calls, so the journal has none: they come from the orchestrator's ledger.
        List<AgentCostSummary> byAgent = journal.ByAgent()
            .Select(a => a with { CacheHits = calls.Count(c => c.Usage.Agent == a.Agent && c.Usage.CacheHit) })
            .ToList();
        return new ManifestCosts(journal.TotalUsd, byAgent, calls, journal.PaidUsd, journal.PossiblyBilledUsd, journal.PossiblyBilled(), counts);
    }

    // Stage times come from the orchestration clock, which runs on through a crash: take the downtime out.
    static List<StageRecord> WithoutDowntime(IReadOnlyList<StageRecord> stages, IReadOnlyList<Interruption> interruptions) =>
        stages.Select(s =>
        {
            double down = CostJournal.DowntimeWithin(interruptions, new DateTimeOffset(DateTime.SpecifyKind(s.StartedAt, DateTimeKind.Utc)), s.DurationMs);
            return down > 0 ? s with { DurationMs = s.DurationMs - down, DowntimeMs = down } : s;
        }).ToList();

    // Claims checked and supported, for the final script against the merged research (when both exist).
    async Task<FactCheckReport?> FactCheckAsync(string episodeId, List<ManifestArtifact> artifacts)
    {
        string script = ArtifactNames.Script(episodeId), research = ArtifactNames.ResearchJson(episodeId);
        if (!artifacts.Any(a => a.Name == script) || !artifacts.Any(a => a.Name == research))
        {
            return null;
        }

        return Agents.Offline.FactCheck.Run(
            await store.ReadJsonAsync<Script>(script, CancellationToken.None),
            await store.ReadJsonAsync<ResearchNotes>(research, CancellationToken.None));
    }
}
