namespace PodcastFactory.Core.Tests.TestServers;

/// <summary>Counts requests a test server is answering at once, and the most seen together: parallelism, counted instead of timed.</summary>
internal sealed class InFlightGauge
{
    int _now;
    int _max;

    /// <summary>Requests being answered now.</summary>
    public int Now => Volatile.Read(ref _now);

    /// <summary>The most requests answered at one moment.</summary>
    public int Max => Volatile.Read(ref _max);

    /// <summary>Counts one request in until disposed.</summary>
    public IDisposable Enter()
    {
        int now = Interlocked.Increment(ref _now);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        return new Leave(this);
    }

    sealed class Leave(InFlightGauge gauge) : IDisposable
    {
        int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                Interlocked.Decrement(ref gauge._now);
            }
        }
    }
}
