using System.Diagnostics;

namespace PodcastFactory.Bench.Running;

/// <summary>Peak memory above the baseline taken at construction, in MB.</summary>
/// <param name="WorkingSetMb">Process working set (resident memory).</param>
/// <param name="ManagedMb">Managed heap (GC.GetTotalMemory).</param>
/// <param name="AllocatedMb">Bytes allocated meanwhile, whether or not still alive.</param>
public sealed record MemoryPeak(double WorkingSetMb, double ManagedMb, double AllocatedMb);

/// <summary>Samples the process's memory every 2 ms on a background thread until stopped.</summary>
public sealed class MemorySampler : IDisposable
{
    readonly long _workingSet0, _managed0, _allocated0;
    readonly Thread _thread;
    volatile bool _stop;
    long _workingSetPeak, _managedPeak;

    /// <summary>Takes the baseline and starts sampling.</summary>
    public MemorySampler()
    {
        _workingSet0 = WorkingSet();
        _managed0 = GC.GetTotalMemory(false);
        _allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        _workingSetPeak = _workingSet0;
        _managedPeak = _managed0;
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory-sampler" };
        _thread.Start();
    }

    /// <summary>Stops sampling and returns the peaks above the baseline.</summary>
    public MemoryPeak Stop()
    {
        _stop = true;
        _thread.Join();
        const double Mb = 1024 * 1024;
        return new MemoryPeak(
            (_workingSetPeak - _workingSet0) / Mb,
            (_managedPeak - _managed0) / Mb,
            (GC.GetTotalAllocatedBytes(precise: true) - _allocated0) / Mb);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    void Sample()
    {
        while (!_stop)
        {
            _workingSetPeak = Math.Max(_workingSetPeak, WorkingSet());
            _managedPeak = Math.Max(_managedPeak, GC.GetTotalMemory(false));
            Thread.Sleep(2);
        }
    }

    static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
