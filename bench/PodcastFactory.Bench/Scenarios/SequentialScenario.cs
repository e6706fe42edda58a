using System.Diagnostics;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>Figure 2: the classic one-call-at-a-time pipeline's wall time over the durable workflow's, same profile.</summary>
public static class SequentialScenario
{
    /// <summary>Runs the sequential pipeline (warm-up + repetitions) and compares with the memory backend's episode.</summary>
    public static async Task RunAsync(BenchContext bench)
    {
        if (!bench.Episodes.TryGetValue(BenchBackend.Memory.Name, out EpisodeMedians? durable))
        {
            await CriticalPathScenario.RunAsync(bench, BenchBackend.Memory);
            durable = bench.Episodes[BenchBackend.Memory.Name];
        }

        var latency = new LatencyInjector(bench.Profile);
        await using var pipeline = new SequentialPipeline(latency, bench.NewFolder("sequential"));
        await pipeline.RunAsync("warmup", 600);
        var walls = new List<double>();
        var sums = new List<double>();
        for (int rep = 0; rep < bench.Options.Repetitions; rep++)
        {
            latency.Reset();
            var clock = Stopwatch.StartNew();
            await pipeline.RunAsync(I($"sequential-{rep}"), 600);
            walls.Add(clock.Elapsed.TotalMilliseconds);
            sums.Add(latency.Calls().SumMs);
        }

        double wall = Median(walls);
        bench.Table.Add(new ResultRow("sequential", "memory", "speedup: sequential wall / durable wall", I($"{F(wall / durable.WallMs, "0.00")}x"),
            I($"sequential {F(wall, "0")} ms (latencies {F(Median(sums), "0")} ms), durable {F(durable.WallMs, "0")} ms")));
        bench.Table.Add(new ResultRow("sequential", "memory", "speedup limit: sum of latencies / critical path", I($"{F(durable.SumMs / durable.CriticalPathMs, "0.00")}x"),
            I($"{F(durable.SumMs, "0")} ms / {F(durable.CriticalPathMs, "0")} ms in the durable run")));
    }
}
