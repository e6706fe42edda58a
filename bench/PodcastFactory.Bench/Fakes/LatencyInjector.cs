using System.Collections.Concurrent;
using System.Diagnostics;
using PodcastFactory.Bench.Latency;

namespace PodcastFactory.Bench.Fakes;

/// <summary>
/// Sleeps for a latency drawn from the profile (seeded, so runs are repeatable) and records every call, so a
/// scenario running one episode at a time can rebuild its critical path and count what a re-run spent.
/// </summary>
public sealed class LatencyInjector(LatencyProfile profile, int seed = 42)
{
    readonly Random _random = new(seed);
    readonly ConcurrentQueue<Call> _calls = new();
    CancellationTokenSource _cut = new();

    /// <summary>The profile in use.</summary>
    public LatencyProfile Profile { get; set; } = profile;

    /// <summary>Waits as long as one call of <paramref name="kind"/> would take, and records it.</summary>
    public async Task DelayAsync(AgentKind kind, CancellationToken cancellationToken)
    {
        double ms;
        lock (_random)
        {
            ms = Of(kind).Sample(_random);
        }

        _calls.Enqueue(new Call(kind, ms, Stopwatch.GetTimestamp()));
        if (ms > 0)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cut.Token);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(ms), linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Cut short by CutWaits: the call answers now, as if its latency had run out.
            }
        }
    }

    /// <summary>
    /// Ends every delay in progress at once (the calls answer now) and returns to the profile for later calls: lets a
    /// scenario hold episodes waiting on a slow provider, measure them, then let them finish.
    /// </summary>
    public void CutWaits()
    {
        // Not disposed: a delay starting right now may still be reading its token (a few bytes, once per scenario).
        Interlocked.Exchange(ref _cut, new CancellationTokenSource()).Cancel();
    }

    /// <summary>Forgets every recorded call.</summary>
    public void Reset() => _calls.Clear();

    /// <summary>Number of calls recorded so far.</summary>
    public int CallCount => _calls.Count;

    /// <summary>The calls recorded since the last reset, grouped per agent in start order.</summary>
    public EpisodeCalls Calls()
    {
        Call[] calls = [.. _calls.OrderBy(c => c.StartedAt)];
        List<double> Of(AgentKind kind) => calls.Where(c => c.Kind == kind).Select(c => c.Ms).ToList();
        return new EpisodeCalls(Of(AgentKind.Research), Of(AgentKind.Script), Of(AgentKind.Review), Of(AgentKind.Social), Of(AgentKind.Speech));
    }

    AgentLatency Of(AgentKind kind) => kind switch
    {
        AgentKind.Research => Profile.Research,
        AgentKind.Script => Profile.Script,
        AgentKind.Review => Profile.Review,
        AgentKind.Social => Profile.Social,
        _ => Profile.Speech,
    };

    sealed record Call(AgentKind Kind, double Ms, long StartedAt);
}
