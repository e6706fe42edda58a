using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Entities;

namespace PodcastFactory.Core.Providers.RateLimiting.Shared;

/// <summary>What one lease round told a limiter.</summary>
public enum LeaseResult
{
    /// <summary>A share was granted and applied.</summary>
    Granted,

    /// <summary>The entity did not answer in time; the previous share holds until it expires, then nothing leaves.</summary>
    Late,

    /// <summary>The backend has no entities: the limiter paces this process alone.</summary>
    Unavailable,
}

/// <summary>
/// This process's lease on one deployment's share (<see cref="ProviderQuotaEntity"/>): each round measures what the
/// process sent, claims twice that (growth doubles per round while the share is used up), reads the grant back from the
/// entity's state and paces the local <see cref="ProviderRateLimiter"/> by it. A share that expires unrenewed stops
/// every request of the process (the entity has stopped counting it, so sending on would overrun the others).
/// </summary>
public sealed class SharedQuotaLease(ProviderRateLimiter limiter, int requestsPerMinute, string holder, SharedQuotaTiming timing, TimeProvider time)
{
    int _claim;
    DateTimeOffset? _expires;

    /// <summary>The limiter this lease paces.</summary>
    public ProviderRateLimiter Limiter => limiter;

    /// <summary>The share granted last (requests per minute), or null before the first grant.</summary>
    public double? Share { get; private set; }

    /// <summary>Runs one round: claim, wait for the grant, apply it.</summary>
    public async Task<LeaseResult> RenewAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        DurableEntityClient entities;
        try
        {
            entities = client.Entities;
        }
        catch (NotSupportedException)
        {
            return LeaseResult.Unavailable;
        }

        double capacity = requestsPerMinute * ProviderRateLimiter.Headroom;
        double used = limiter.TakeStarts() * (TimeSpan.FromMinutes(1) / timing.Renew);
        // Unknown at first, or the share is used up (or nil): ask for everything, and the entity's fair split decides.
        // Otherwise twice the use, never below a floor, so an idle process keeps a foothold and leaves the rest to others.
        bool saturated = Share is not { } share || used >= share * SharedQuotaTiming.Saturated;
        double demand = saturated ? capacity : Math.Max(capacity * SharedQuotaTiming.DemandFloor, 2 * used);
        var claim = new QuotaClaim(holder, ++_claim, demand, requestsPerMinute, timing.Lease.TotalSeconds, timing.Window.TotalSeconds);
        EntityInstanceId id = ProviderQuotaEntity.Id(limiter.Name);
        await entities.SignalEntityAsync(id, nameof(ProviderQuotaEntity.Claim), claim, options: null, cancellation: cancellationToken);
        DateTimeOffset asked = time.GetUtcNow();
        for (DateTimeOffset giveUp = asked + timing.AnswerWait; time.GetUtcNow() < giveUp;)
        {
            EntityMetadata<ProviderQuotaState>? entity = await entities.GetEntityAsync<ProviderQuotaState>(id, includeState: true, cancellation: cancellationToken);
            if (entity?.State?.Holders.GetValueOrDefault(holder) is { } granted && granted.Claim == claim.Claim)
            {
                // The lease runs from when it was asked for: the entity's clock started it no earlier.
                Share = granted.Share;
                _expires = asked + timing.Lease;
                limiter.SetShare(granted.Share, asked + timing.Renew);
                return LeaseResult.Granted;
            }

            await Task.Delay(timing.Poll, time, cancellationToken);
        }

        if (_expires is { } expires && time.GetUtcNow() >= expires)
        {
            limiter.SetShare(0, time.GetUtcNow() + timing.Renew);
        }

        return LeaseResult.Late;
    }
}

/// <summary>How often shares are leased and renewed.</summary>
/// <param name="Lease">How long a share counts at the entity unless renewed.</param>
/// <param name="Renew">How often a process renews (well inside <paramref name="Lease"/>, so one late round loses nothing).</param>
/// <param name="Poll">How often the grant is looked for in the entity's state.</param>
/// <param name="AnswerWait">How long a round waits for its grant.</param>
/// <param name="Window">
/// The provider's counting window: a share given up still counts this long (Azure OpenAI evaluates a per-minute limit
/// over 1 or 10 s intervals, so 10 s).
/// </param>
public sealed record SharedQuotaTiming(TimeSpan Lease, TimeSpan Renew, TimeSpan Poll, TimeSpan AnswerWait, TimeSpan Window)
{
    /// <summary>Least a process asks for, as a share of the whole limit.</summary>
    public const double DemandFloor = 0.1;

    /// <summary>Share of its grant a process must have used in a round to ask for more than twice its use.</summary>
    public const double Saturated = 0.8;

    /// <summary>Production timing: 20 s leases renewed every 5 s, a 10 s provider window.</summary>
    public static readonly SharedQuotaTiming Default = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10));
}
