using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 4: episodes per minute with 1, 4, 16 and 64 episodes (--levels) started at once (a fresh runtime per level), with
/// scaling efficiency (throughput per episode over the lowest level's throughput per episode: over N x the single-episode
/// throughput when the levels start at 1) and the process's CPU use, which shows where the curve bends.
/// </summary>
public static class ThroughputScenario
{
    // Azure Storage's what-if runs at 16, not 64: one 64-episode run on Azurite takes minutes at the default cap.
    const int AzureWhatIfLevel = 16;

    /// <summary>
    /// Runs every level; 64 runs once (it is the longest), the others take the median of the repetitions. Then a
    /// what-if with the service's and the worker's activity caps at 1000 (the worker's default is 100 x cores; the
    /// in-memory service's is already 1000 in main; Azure Storage's is 10): at 64 in memory, at 16 on Azure Storage.
    /// </summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        // The lowest level's throughput per concurrent episode; efficiency compares every level to it, so levels that do
        // not start at 1 (--levels 4,16) still print a ratio rather than Infinity.
        double basePerEpisode = 0;
        int baseLevel = 0;
        IReadOnlyList<int> levels = bench.Options.Levels;
        var runs = levels.Select(level => (level, backend)).ToList();
        runs.Add((backend.ConnectionString is null ? levels[^1] : Math.Min(AzureWhatIfLevel, levels[^1]), backend with { ActivityCap = 1000 }));

        foreach ((int level, BenchBackend target) in runs)
        {
            var latency = new LatencyInjector(bench.Profile);
            await using BenchRuntime runtime = await BenchRuntime.StartAsync(target, latency, bench.NewFolder(I($"throughput-{backend.Name}-{level}")), bench.Options.MaxParallelSegments, publish: false);
            await runtime.RunAsync("warmup");
            var perMinute = new List<double>();
            var cpu = new List<double>();
            var walls = new List<double>();
            var coreSeconds = new List<double>();
            int reps = level >= 64 ? 1 : bench.Options.Repetitions;
            for (int rep = 0; rep < reps; rep++)
            {
                string[] ids = [.. Enumerable.Range(0, level).Select(i => I($"tp-{rep}-{i}"))];
                EpisodeTiming timing = await runtime.RunManyAsync(ids);
                walls.Add(timing.Wall.TotalMilliseconds);
                perMinute.Add(level / timing.Wall.TotalMinutes);
                cpu.Add(timing.CpuTime.TotalMilliseconds / (timing.ClientWall.TotalMilliseconds * Environment.ProcessorCount));
                coreSeconds.Add(timing.CpuTime.TotalSeconds / level);
            }

            double rate = Median(perMinute);
            if (baseLevel == 0)
            {
                (baseLevel, basePerEpisode) = (level, rate / level);
            }

            string cap = target.ActivityCap is { } c ? I($", activity caps {c} (service and worker)") : "";
            (int orchestrationCap, int activityCap) = target.ServiceCaps();
            bench.Table.Add(new ResultRow("throughput", backend.Name, I($"episodes/min at {level} concurrent{cap}"), F(rate, "0.0"),
                I($"scaling efficiency {F(rate / level / basePerEpisode, "0.00")} (vs {level}/{baseLevel} x the {baseLevel}-episode rate); wall {F(Median(walls), "0")} ms; CPU {F(Median(cpu) * 100, "0")}% of {Environment.ProcessorCount} cores, {F(Median(coreSeconds), "0.000")} core-s per episode; service caps {orchestrationCap} orchestrations / {activityCap} activities; {reps} run(s)")));
        }
    }
}
