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

    /// <summary>Runs every level; 64 runs once (it is the longest), the others take the median of the repetitions.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        double single = 0;
        foreach (int level in Levels)
        {
            var latency = new LatencyInjector(bench.Profile);
            await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder(I($"throughput-{backend.Name}-{level}")), bench.Options.MaxParallelSegments);
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
            bench.Table.Add(new ResultRow("throughput", backend.Name, I($"episodes/min at {level} concurrent"), F(rate, "0.0"),
                I($"scaling efficiency {F(rate / (level * single), "0.00")} (vs {level} x single); wall {F(Median(walls), "0")} ms; CPU {F(Median(cpu) * 100, "0")}% of {Environment.ProcessorCount} cores; {reps} run(s)")));
        }
    }
}
