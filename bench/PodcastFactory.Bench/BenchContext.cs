using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;

namespace PodcastFactory.Bench;

/// <summary>Medians of single-episode runs on one backend, shared between scenarios of the same run.</summary>
/// <param name="WallMs">Orchestration wall time.</param>
/// <param name="CriticalPathMs">Agent latencies on the critical path.</param>
/// <param name="SumMs">All injected latencies (what a one-call-at-a-time pipeline waits).</param>
/// <param name="Calls">The calls of the median run.</param>
public sealed record EpisodeMedians(double WallMs, double CriticalPathMs, double SumMs, EpisodeCalls Calls);

/// <summary>What every scenario shares: options, the scaled profile, the table, scratch folders.</summary>
public sealed class BenchContext(BenchOptions options, LatencyProfile profile, string scratch) : IDisposable
{
    int _folders;

    /// <summary>Options.</summary>
    public BenchOptions Options { get; } = options;

    /// <summary>The profile with <see cref="BenchOptions.Scale"/> applied.</summary>
    public LatencyProfile Profile { get; } = profile;

    /// <summary>The results.</summary>
    public ResultTable Table { get; } = new();

    /// <summary>Single-episode medians per backend name (filled by the critical-path scenario).</summary>
    public Dictionary<string, EpisodeMedians> Episodes { get; } = [];

    /// <summary>A new empty folder under the run's scratch folder.</summary>
    public string NewFolder(string name)
    {
        string path = Path.Combine(scratch, $"{name}-{Interlocked.Increment(ref _folders)}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the scratch folder.</summary>
    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
