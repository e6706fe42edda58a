namespace PodcastFactory.Core.Artifacts;

/// <summary>What <see cref="ConditionalClaim.ClaimAsync"/> decided.</summary>
/// <typeparam name="T">The claim record.</typeparam>
/// <param name="Generation">The newest generation of the claim, as this caller left it.</param>
/// <param name="Owner">True when this caller created that generation and must start the work.</param>
/// <param name="Claim">That generation's record (this caller's when <paramref name="Owner"/>).</param>
public sealed record ClaimOutcome<T>(int Generation, bool Owner, T Claim);

/// <summary>
/// The one way a start happens once, on every backend and host: generation n of a claim is a JSON artifact created
/// only if its name is free (a file linked in, a blob uploaded with If-None-Match: *), so of many concurrent callers one
/// wins each generation. The durable backends cannot be trusted with this (docs/guarantees.md): two concurrent schedules
/// of one id looped (in memory) or mixed two requests into one run (Azure Storage). A claim whose owner is gone (the caller
/// decides: it died before scheduling, or the backend lost what it scheduled) is taken over by generation n+1, created
/// conditionally again, so exactly one caller takes over. Episode starts (<c>StartGate</c>) and re-voice starts
/// (<c>ScriptEditor</c>) both claim through here.
/// </summary>
public static class ConditionalClaim
{
    /// <summary>How long a claim may stay without its work before an identical start takes it over.</summary>
    public static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(2);

    // Generations only grow when an owner is gone, so a chain this long means a caller keeps deciding wrongly: stop.
    const int MaxGenerations = 1000;

    /// <summary>True when a claim made at <paramref name="claimedAt"/> is old enough to be taken over if its work never appeared.</summary>
    public static bool IsOld(DateTimeOffset claimedAt, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow() - claimedAt >= OrphanAfter;
    }

    /// <summary>
    /// Walks the claim's generations from 0: creates the first free one (this caller owns it), or stops at the newest
    /// existing one when <paramref name="abandoned"/> says its owner is still there (or may be).
    /// </summary>
    /// <param name="store">Where the claims are.</param>
    /// <param name="nameOf">The artifact name of generation n.</param>
    /// <param name="create">The record this caller writes as generation n.</param>
    /// <param name="abandoned">
    /// Given the newest generation and its record (another caller's), whether it may be taken over. It may throw to
    /// refuse the start altogether (e.g. a different request for a claimed id).
    /// </param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public static async Task<ClaimOutcome<T>> ClaimAsync<T>(
        this IArtifactStore store, Func<int, string> nameOf, Func<int, T> create, Func<int, T, Task<bool>> abandoned, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(nameOf);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(abandoned);
        for (int generation = 0; generation < MaxGenerations; generation++)
        {
            T mine = create(generation);
            if (await store.TryCreateJsonAsync(nameOf(generation), mine, cancellationToken))
            {
                return new ClaimOutcome<T>(generation, true, mine);
            }

            // A newer generation exists: this one was taken over already.
            if (await store.GetInfoAsync(nameOf(generation + 1), cancellationToken) is not null)
            {
                continue;
            }

            T current = await store.ReadJsonAsync<T>(nameOf(generation), cancellationToken);
            if (!await abandoned(generation, current))
            {
                return new ClaimOutcome<T>(generation, false, current);
            }
        }

        throw new InvalidOperationException($"The claim '{nameOf(0)}' has {MaxGenerations} generations; no start takes over another one.");
    }
}
