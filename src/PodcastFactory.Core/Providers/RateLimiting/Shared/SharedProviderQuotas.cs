using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Providers.RateLimiting.Shared;

/// <summary>
/// Shares every configured provider limit of this process with the other processes on the task hub, through one
/// <see cref="ProviderQuotaEntity"/> per deployment. A host whose backend runs entities attaches its durable client
/// (<see cref="Attach"/>); from then one background loop renews a lease per limiter every few seconds, off the calls'
/// path. A host that never attaches (the local runner: its embedded backend has no entities), or whose backend refuses
/// them, keeps the per-process limiter. Limits learned from headers are not leased: the provider's own counters in
/// those headers already include every process.
/// </summary>
public sealed class SharedProviderQuotas(ProviderRateLimiters limiters, TimeProvider time, ILogger<SharedProviderQuotas> logger, SharedQuotaTiming? timing = null) : IAsyncDisposable
{
    readonly SharedQuotaTiming _timing = timing ?? SharedQuotaTiming.Default;
    readonly string _holder = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    readonly ConcurrentDictionary<string, SharedQuotaLease> _leases = new(StringComparer.OrdinalIgnoreCase);
    readonly CancellationTokenSource _stop = new();
    readonly SemaphoreSlim _wake = new(0);
    DurableTaskClient? _client;
    Task? _loop;
    bool _unavailable;

    /// <summary>Whether the backend turned entities down (this process then paces alone).</summary>
    public bool Unavailable => Volatile.Read(ref _unavailable);

    /// <summary>The leases held so far, by limiter.</summary>
    public IReadOnlyCollection<SharedQuotaLease> Leases => [.. _leases.Values];

    /// <summary>Starts sharing through <paramref name="client"/> (the first client attached is kept; later calls are free).</summary>
    public void Attach(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (Interlocked.CompareExchange(ref _client, client, null) is null)
        {
            limiters.Created += Hold;
            foreach (ProviderRateLimiter limiter in limiters.All)
            {
                Hold(limiter);
            }

            _loop = Task.Run(() => LoopAsync(client, _stop.Token));
        }
    }

    // A limiter of a shared deployment sends nothing before its first share: paced alone, it would spend the whole limit.
    void Hold(ProviderRateLimiter limiter)
    {
        if (!Unavailable && limiter.Settings.RequestsPerMinute is > 0)
        {
            limiter.SetShare(0, time.GetUtcNow() + _timing.AnswerWait);
            _wake.Release();
        }
    }

    /// <summary>One round for every limiter with a configured request limit (what the loop runs each renewal).</summary>
    public async Task RenewAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        IEnumerable<SharedQuotaLease> due = limiters.All
            .Where(l => l.Settings.RequestsPerMinute is > 0)
            .Select(l => _leases.GetOrAdd(l.Name, _ => new SharedQuotaLease(l, l.Settings.RequestsPerMinute!.Value, _holder, _timing, time)));
        LeaseResult[] results = await Task.WhenAll(due.Select(async lease =>
        {
            try
            {
                LeaseResult result = await lease.RenewAsync(client, cancellationToken);
                if (result == LeaseResult.Late)
                {
                    Logs.QuotaLeaseLate(logger, lease.Limiter.Name, lease.Share ?? 0);
                }

                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logs.QuotaLeaseFailed(logger, e, lease.Limiter.Name);
                return LeaseResult.Late;
            }
        }));
        if (results.Contains(LeaseResult.Unavailable))
        {
            Volatile.Write(ref _unavailable, true);
        }
    }

    async Task LoopAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            while (!Unavailable)
            {
                await RenewAllAsync(client, cancellationToken);
                // The next round comes at the renewal, or at once when a new limiter waits for its first share.
                await _wake.WaitAsync(_timing.Renew, cancellationToken);
            }

            Logs.QuotaUnshared(logger);
            foreach (ProviderRateLimiter limiter in limiters.All)
            {
                limiter.SetShare(null, time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the shares lapse at the entity when their lease runs out.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        limiters.Created -= Hold;
        _stop.Dispose();
        _wake.Dispose();
    }
}
