namespace PodcastFactory.Core.Providers.RateLimiting.Shared;

/// <summary>A process's request for its share of a deployment's quota (the input of <see cref="ProviderQuotaEntity"/>'s Claim).</summary>
/// <param name="Holder">The process (machine, process id and a random part: a restarted process is a new holder).</param>
/// <param name="Claim">Number of this claim, so the holder knows when its answer is in the state.</param>
/// <param name="Demand">Requests per minute the holder would like (twice what it sent lately, at least a floor).</param>
/// <param name="RequestsPerMinute">The deployment's configured limit, as the holder knows it.</param>
/// <param name="LeaseSeconds">How long the share is good for: unrenewed, it lapses (a dead process frees its share).</param>
/// <param name="WindowSeconds">
/// The provider's counting window: a share that shrinks or lapses still counts this long, because the requests sent under
/// it are still in the provider's window (handing it on at once let two processes overlap into a 429).
/// </param>
public sealed record QuotaClaim(string Holder, int Claim, double Demand, int RequestsPerMinute, double LeaseSeconds, double WindowSeconds);

/// <summary>One holder's share of the quota.</summary>
/// <param name="Claim">The claim this share answers.</param>
/// <param name="Demand">What it asked for.</param>
/// <param name="Share">Requests per minute it may send until <paramref name="ExpiresAt"/>.</param>
/// <param name="ExpiresAt">When the share lapses unless renewed.</param>
/// <param name="Released">A larger share it held before, still counted until <paramref name="ReleasedUntil"/>.</param>
/// <param name="ReleasedUntil">When the requests sent under <paramref name="Released"/> have left the provider's window.</param>
/// <param name="WindowSeconds">The provider's counting window the holder claimed with.</param>
public sealed record QuotaHolder(int Claim, double Demand, double Share, DateTimeOffset ExpiresAt, double Released = 0, DateTimeOffset ReleasedUntil = default, double WindowSeconds = 0)
{
    /// <summary>What this holder's share still takes of the limit at <paramref name="now"/>: its share, a larger one it
    /// released within the window, and a lapsed one until the window after the lapse.</summary>
    public double Counted(DateTimeOffset now) =>
        now >= ExpiresAt + TimeSpan.FromSeconds(WindowSeconds) ? 0 : Math.Max(Share, ReleasedUntil > now ? Released : 0);
}

/// <summary>
/// The durable state of one deployment's quota: who holds which share. Invariant: the counted shares (current ones, and
/// shrunk or lapsed ones within the provider's window) never add up to more than the limit times
/// <see cref="ProviderRateLimiter.Headroom"/>. A claim gets the holder's max-min fair part of that, but never more than
/// the others do not count: a newcomer waits for the others to shrink at their next renewal, and for their earlier
/// requests to leave the provider's window, instead of pushing the sum over the limit.
/// </summary>
public sealed class ProviderQuotaState
{
    /// <summary>Shares by holder.</summary>
    public Dictionary<string, QuotaHolder> Holders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Grants <paramref name="claim"/> its share at <paramref name="now"/> and returns it.</summary>
    public QuotaHolder Grant(QuotaClaim claim, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        foreach (string gone in Holders.Where(h => h.Value.Counted(now) <= 0 && h.Value.ExpiresAt <= now).Select(h => h.Key).ToList())
        {
            Holders.Remove(gone);
        }

        double capacity = Math.Max(0, claim.RequestsPerMinute) * ProviderRateLimiter.Headroom;
        var demands = Holders.Where(h => h.Key != claim.Holder && h.Value.ExpiresAt > now).ToDictionary(h => h.Key, h => h.Value.Demand, StringComparer.Ordinal);
        demands[claim.Holder] = Math.Max(0, claim.Demand);
        double fair = FairShares(demands, capacity)[claim.Holder];
        double committed = Holders.Where(h => h.Key != claim.Holder).Sum(h => h.Value.Counted(now));
        double share = Math.Max(0, Math.Min(fair, capacity - committed));
        double previous = Holders.GetValueOrDefault(claim.Holder)?.Counted(now) ?? 0;
        bool shrinks = previous > share;
        var granted = new QuotaHolder(claim.Claim, demands[claim.Holder], share, now + TimeSpan.FromSeconds(claim.LeaseSeconds),
            shrinks ? previous : 0, shrinks ? now + TimeSpan.FromSeconds(claim.WindowSeconds) : default,
            claim.WindowSeconds);
        Holders[claim.Holder] = granted;
        return granted;
    }

    /// <summary>Max-min fairness: the smallest demands are met in full, the rest split what is left evenly.</summary>
    public static Dictionary<string, double> FairShares(IReadOnlyDictionary<string, double> demands, double capacity)
    {
        ArgumentNullException.ThrowIfNull(demands);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        double left = capacity;
        int remaining = demands.Count;
        foreach ((string holder, double demand) in demands.OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            double given = Math.Min(demand, left / remaining--);
            shares[holder] = given;
            left -= given;
        }

        return shares;
    }
}
