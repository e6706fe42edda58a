using System.Text.Json;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>The start record of an episode: the hash of the request that owns the id, and when it was claimed.</summary>
/// <param name="EpisodeId">The episode id.</param>
/// <param name="RequestHash">SHA-256 of the request as the caller sent it (sources included).</param>
/// <param name="ClaimedAt">When the owner created the record.</param>
/// <param name="Attempt">0 for the first owner, 1 when a later identical start took over an orphaned claim.</param>
public sealed record StartRecord(string EpisodeId, string RequestHash, DateTimeOffset ClaimedAt, int Attempt = 0);

/// <summary>What the gate decided for one start.</summary>
public enum StartClaim
{
    /// <summary>This caller owns the id and must schedule the episode.</summary>
    Owner,
    /// <summary>The same request already owns the id: answer with that episode, start nothing.</summary>
    SameRequest,
}

/// <summary>
/// The one atomic gate for starting an episode id exactly once, on every backend and host: a conditional create of
/// the episode's start record in the artifact store (a file moved in only if the name is free; a blob uploaded with
/// If-None-Match: *). The durable backends cannot be trusted with this: two concurrent schedules of one id looped
/// (in memory) or mixed two requests into one episode (Azure Storage). A different request for a taken id is a
/// conflict. A claim whose owner died before scheduling (no orchestration after <see cref="OrphanAfter"/>) is taken
/// over once by an identical start, again through a conditional create.
/// </summary>
public sealed class StartGate(IArtifactStore store, TimeProvider time)
{
    /// <summary>How long a claim may stay without an orchestration before an identical start takes it over.</summary>
    public static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(2);

    /// <summary>Claims <paramref name="episodeId"/> for <paramref name="requestHash"/>; throws <see cref="EpisodeConflictException"/> for a different request.</summary>
    public async Task<StartClaim> ClaimAsync(string episodeId, string requestHash, Func<Task<bool>> orchestrationExists, CancellationToken cancellationToken)
    {
        var record = new StartRecord(episodeId, requestHash, time.GetUtcNow());
        if (await TryCreateAsync(ArtifactNames.StartRecord(episodeId), record, cancellationToken))
        {
            return StartClaim.Owner;
        }

        StartRecord existing = await ReadAsync(episodeId, cancellationToken);
        if (existing.RequestHash != requestHash)
        {
            throw new EpisodeConflictException(episodeId);
        }

        if (time.GetUtcNow() - existing.ClaimedAt < OrphanAfter || await orchestrationExists())
        {
            return StartClaim.SameRequest;
        }

        // The first owner died between its claim and its schedule: one identical start may take over.
        string takeover = ArtifactNames.StartRecord(episodeId).Replace(".json", ".takeover.json", StringComparison.Ordinal);
        return await TryCreateAsync(takeover, record with { Attempt = 1 }, cancellationToken) ? StartClaim.Owner : StartClaim.SameRequest;
    }

    /// <summary>Gives the id back when the owner refused the request after claiming it (e.g. a source could not be read).</summary>
    public Task ReleaseAsync(string episodeId, CancellationToken cancellationToken) =>
        store.DeleteAsync(ArtifactNames.StartRecord(episodeId), cancellationToken);

    /// <summary>The request hash of an episode started before start records existed, or null.</summary>
    public async Task<string?> RequestHashOfAsync(string episodeId, CancellationToken cancellationToken) =>
        await store.GetInfoAsync(ArtifactNames.StartRecord(episodeId), cancellationToken) is null
            ? null
            : (await ReadAsync(episodeId, cancellationToken)).RequestHash;

    async Task<bool> TryCreateAsync(string name, StartRecord record, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, PodcastJson.Options));
        return await store.TryCreateAsync(name, content, ContentTypes.Json, cancellationToken);
    }

    async Task<StartRecord> ReadAsync(string episodeId, CancellationToken cancellationToken) =>
        await store.ReadJsonAsync<StartRecord>(ArtifactNames.StartRecord(episodeId), cancellationToken);
}
