using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask.Entities;

namespace PodcastFactory.Core.Providers.RateLimiting.Shared;

/// <summary>
/// One Durable Entity per provider deployment that splits its configured requests per minute among the processes that
/// call it (issue 22: every Function instance paced itself to the whole limit). Processes lease a share per period
/// (<see cref="SharedQuotaLease"/>), so no call waits for an entity round trip: the entity is asked a few times a minute
/// per process, never per request.
/// </summary>
public sealed class ProviderQuotaEntity : TaskEntity<ProviderQuotaState>
{
    /// <summary>The entity's name, as its trigger is registered.</summary>
    public const string Name = "ProviderQuota";

    /// <summary>The entity of the deployment with limiter key <paramref name="limiterKey"/>: a hash, as instance ids allow no '/', '|' or ':'.</summary>
    public static EntityInstanceId Id(string limiterKey)
    {
        ArgumentNullException.ThrowIfNull(limiterKey);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(limiterKey.ToUpperInvariant()));
        return new EntityInstanceId(Name, Convert.ToHexStringLower(hash, 0, 12));
    }

    /// <summary>Grants the claiming process its share; the process reads it back from the state.</summary>
    public void Claim(QuotaClaim claim) => State.Grant(claim, DateTimeOffset.UtcNow);

    /// <inheritdoc />
    protected override ProviderQuotaState InitializeState(TaskEntityOperation entityOperation) => new();
}
