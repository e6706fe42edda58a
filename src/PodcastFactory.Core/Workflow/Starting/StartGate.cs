using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>A claim on an episode id: the hash of the request that owns it, when, and which generation it is.</summary>
/// <param name="EpisodeId">The episode id.</param>
/// <param name="RequestHash">SHA-256 of the request as the caller sent it (sources included).</param>
/// <param name="ClaimedAt">When the owner created the claim.</param>
/// <param name="Generation">0 for the first owner; n for the n-th identical start that took over a lost or orphaned episode.</param>
public sealed record StartRecord(string EpisodeId, string RequestHash, DateTimeOffset ClaimedAt, int Generation = 0);

/// <summary>What the gate decided for one start.</summary>
/// <param name="Owner">True when this caller owns the id and must schedule the episode.</param>
/// <param name="Generation">The claim's generation (pass it back to <see cref="StartGate.ScheduledAsync"/>).</param>
public sealed record StartClaim(bool Owner, int Generation);

/// <summary>
/// The one gate for starting an episode id exactly once, on every backend and host: a <see cref="ConditionalClaim"/> on the
/// id. A different request for a claimed id is a conflict. An identical start takes over, with a claim of the next
/// generation, only when the current generation's orchestration is gone: it was scheduled but its state was lost (the
/// in-memory backend after a restart), or its owner died before scheduling (no orchestration after <see cref="OrphanAfter"/>).
/// </summary>
public sealed class StartGate(IArtifactStore store, TimeProvider time)
{
    /// <summary>How long a claim may stay unscheduled before an identical start takes it over.</summary>
    public static readonly TimeSpan OrphanAfter = ConditionalClaim.OrphanAfter;

    /// <summary>Claims <paramref name="episodeId"/> for <paramref name="requestHash"/>; throws <see cref="EpisodeConflictException"/> for a different request.</summary>
    public async Task<StartClaim> ClaimAsync(string episodeId, string requestHash, Func<Task<bool>> orchestrationExists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orchestrationExists);
        ClaimOutcome<StartRecord> claim = await store.ClaimAsync(
            generation => Name(episodeId, generation),
            generation => new StartRecord(episodeId, requestHash, time.GetUtcNow(), generation),
            async (generation, current) =>
            {
                // Only an identical start ever takes over, so every generation holds the first request's hash.
                if (current.RequestHash != requestHash)
                {
                    throw new EpisodeConflictException(episodeId);
                }

                bool lost = await ScheduledGenerationAsync(episodeId, cancellationToken) == generation;
                return (lost || ConditionalClaim.IsOld(current.ClaimedAt, time)) && !await orchestrationExists();
            },
            cancellationToken);
        return new StartClaim(claim.Owner, claim.Generation);
    }

    /// <summary>Records that the owner of <paramref name="claim"/> scheduled the orchestration.</summary>
    public Task ScheduledAsync(string episodeId, StartClaim claim, CancellationToken cancellationToken) =>
        store.WriteTextAsync(ScheduledName(episodeId), claim.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);

    /// <summary>Gives the id back when its owner refused the request after claiming it (e.g. a source could not be read).</summary>
    public Task ReleaseAsync(string episodeId, StartClaim claim, CancellationToken cancellationToken) =>
        store.DeleteAsync(Name(episodeId, claim.Generation), cancellationToken);

    /// <summary>The hash of the request that owns <paramref name="episodeId"/>, or null when it was never claimed.</summary>
    public async Task<string?> RequestHashOfAsync(string episodeId, CancellationToken cancellationToken) =>
        (await store.ReadJsonIfExistsAsync<StartRecord>(Name(episodeId, 0), cancellationToken))?.RequestHash;

    static string Name(string episodeId, int generation) =>
        generation == 0 ? ArtifactNames.StartRecord(episodeId) : $"{episodeId}/start/claim-{generation:D4}.json";

    static string ScheduledName(string episodeId) => $"{episodeId}/start/scheduled.txt";

    async Task<int?> ScheduledGenerationAsync(string episodeId, CancellationToken cancellationToken) =>
        await store.GetInfoAsync(ScheduledName(episodeId), cancellationToken) is null
            ? null
            : int.Parse(await store.ReadTextAsync(ScheduledName(episodeId), cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
}
