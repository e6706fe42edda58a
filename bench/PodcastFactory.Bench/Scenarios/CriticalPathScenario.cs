using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 1: one episode's wall time over the agent latencies on its critical path (1.0 is the limit). The
/// critical path is rebuilt from the latencies actually drawn in that run, so jitter cancels out. The publish stage
/// (mastering, encoding, transcript, feed: CPU work after the audio, not agent latency and not orchestration) is read
/// from each episode's manifest and reported on its own row instead of being counted as orchestration time.
/// </summary>
public static class CriticalPathScenario
{
    /// <summary>Runs a warm-up episode, then <see cref="BenchOptions.Repetitions"/> measured ones, one at a time.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        int maxParallel = bench.Options.MaxParallelSegments;
        var latency = new LatencyInjector(bench.Profile);
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder("critical-" + backend.Name), maxParallel);
        await runtime.RunAsync("warmup");

        var runs = new List<(double Wall, double Path, double Publish, EpisodeCalls Calls)>();
        var passes = new List<int>();
        for (int rep = 0; rep < bench.Options.Repetitions; rep++)
        {
            latency.Reset();
            string id = I($"critical-{rep}");
            EpisodeTiming timing = await runtime.RunAsync(id);
            EpisodeCalls calls = latency.Calls();
            PublishFigures publish = await PublishFigures.ReadAsync(runtime, id);
            runs.Add((timing.Wall.TotalMilliseconds, CriticalPath.Of(calls, maxParallel), publish.StageMs, calls));
            passes.Add(publish.MasterPasses);
        }

        double ratio = Median(runs.Select(r => (r.Wall - r.Publish) / r.Path));
        var median = runs.OrderBy(r => (r.Wall - r.Publish) / r.Path).ElementAt(runs.Count / 2);
        double wall = Median(runs.Select(r => r.Wall));
        double path = Median(runs.Select(r => r.Path));
        double publishMs = Median(runs.Select(r => r.Publish));
        double overhead = Median(runs.Select(r => r.Wall - r.Publish - r.Path));
        bench.Episodes[backend.Name] = new EpisodeMedians(wall, path, Median(runs.Select(r => r.Calls.SumMs)), median.Calls);

        EpisodeCalls c = median.Calls;
        string shape = I($"{c.Research.Count} angles, {c.Script.Count} script, {c.Review.Count} review, {c.Social.Count} social, {c.Speech.Count} segments / {maxParallel} parallel");
        bench.Table.Add(new ResultRow("critical-path", backend.Name, "(wall - publish) / critical path (1.0 = limit)", F(ratio, "0.000"),
            I($"wall {F(wall, "0")} ms, publish stage {F(publishMs, "0")} ms, critical path {F(path, "0")} ms ({shape})")));
        bench.Table.Add(new ResultRow("critical-path", backend.Name, "orchestration time on the critical path", I($"{F(overhead, "0")} ms"),
            I($"= wall - publish stage - critical path; {F(overhead / CriticalPath.Hops(c, maxParallel), "0.0")} ms per hop over {CriticalPath.Hops(c, maxParallel)} hops")));
        bench.Table.Add(new ResultRow("critical-path", backend.Name, "publish stage (CPU work after the audio, not orchestration)", I($"{F(publishMs, "0")} ms"),
            I($"{F(100 * publishMs / wall, "0")}% of the wall; master, encode, check, transcript, show notes, feed item (see --scenario publish); {string.Join("/", passes)} pass(es)")));
        if (bench.Options.Scale > 0 && bench.Options.Scale < 1)
        {
            double fullPath = path / bench.Options.Scale;
            bench.Table.Add(new ResultRow("critical-path", backend.Name, "same, projected to unscaled latencies", F((fullPath + overhead) / fullPath, "0.000"),
                I($"(critical path {F(fullPath, "0")} ms + the same {F(overhead, "0")} ms) / {F(fullPath, "0")} ms; assumes overhead does not grow with latency")));
        }
    }
}
