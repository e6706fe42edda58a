using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 4: episodes per minute with 1, 4, 16 and 64 episodes started at once (a fresh runtime per level), with
/// scaling efficiency (throughput over N x the single-episode throughput) and the process's CPU use, which shows
/// where the curve bends.
/// </summary>
public static class ThroughputScenario
{
    static readonly int[] Levels = [1, 4, 16, 64];

    /// <summary>
    /// Runs every level; 64 runs once (it is the longest), the others take the median of the repetitions. On the
    /// memory backend 64 runs a second time with the activity cap raised above 64 x MaxParallelSegments, to test
    /// whether the cap is what bends the curve.
    /// </summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        double single = 0;
        var runs = Levels.Select(level => (level, backend)).ToList();
        if (backend.ConnectionString is null)
        {
            runs.Add((Levels[^1], backend with { ActivityCap = 1000 }));
        }

        foreach ((int level, BenchBackend target) in runs)
        {
            var latency = new LatencyInjector(bench.Profile);
            await using BenchRuntime runtime = await BenchRuntime.StartAsync(target, latency, bench.NewFolder(I($"throughput-{backend.Name}-{level}")), bench.Options.MaxParallelSegments);
            await runtime.RunAsync("warmup");
            var perMinute = new List<double>();
            var cpu = new List<double>();
            var walls = new List<double>();
            int reps = level >= 64 ? 1 : bench.Options.Repetitions;
            for (int rep = 0; rep < reps; rep++)
            {
                string[] ids = [.. Enumerable.Range(0, level).Select(i => I($"tp-{rep}-{i}"))];
                EpisodeTiming timing = await runtime.RunManyAsync(ids);
                walls.Add(timing.Wall.TotalMilliseconds);
                perMinute.Add(level / timing.Wall.TotalMinutes);
                cpu.Add(timing.CpuTime.TotalMilliseconds / (timing.ClientWall.TotalMilliseconds * Environment.ProcessorCount));
            }

            double rate = Median(perMinute);
            single = level == 1 ? rate : single;
            string cap = target.ActivityCap is { } c ? I($", activity cap {c}") : "";
            bench.Table.Add(new ResultRow("throughput", backend.Name, I($"episodes/min at {level} concurrent{cap}"), F(rate, "0.0"),
                I($"scaling efficiency {F(rate / (level * single), "0.00")} (vs {level} x single); wall {F(Median(walls), "0")} ms; CPU {F(Median(cpu) * 100, "0")}% of {Environment.ProcessorCount} cores; {reps} run(s)")));
        }
    }
}
