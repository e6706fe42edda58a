using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Issue 22's scale-out figure: 1, 2 and 4 workers on one Azure Storage task hub (each a whole local runtime: its own
/// orchestration service, sidecar and worker, as <c>podcast worker</c> runs one), sharing one artifact folder, the
/// episodes started through the first. Episodes/min at each count, and how the provider calls spread over the workers.
/// </summary>
public static class WorkersScenario
{
    const int Episodes = 16;
    static readonly int[] _workerCounts = [1, 2, 4];

    // Partitions are leased by the workers that start; a newcomer takes its share within a few lease intervals
    // (AzureStorageBackend: 3 s acquire, 10 s lease). Measuring before that would measure the hand-over.
    static readonly TimeSpan _settle = TimeSpan.FromSeconds(15);

    /// <summary>Runs each worker count on a fresh task hub (Azure Storage only: in memory there is one process's hub).</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        if (backend.ConnectionString is null)
        {
            throw new NotSupportedException("Workers share a task hub only on Azure Storage (--backend azurite).");
        }

        double single = 0;
        foreach (int count in _workerCounts)
        {
            BenchBackend hub = backend with { TaskHub = BenchBackend.NewHubName() };
            string folder = bench.NewFolder(I($"workers-{count}"));
            var latencies = Enumerable.Range(0, count).Select(_ => new LatencyInjector(bench.Profile)).ToList();
            var runtimes = new List<BenchRuntime>();
            try
            {
                for (int w = 0; w < count; w++)
                {
                    // Each its own lease name: with the process's one, every worker took every partition as its own.
                    BenchBackend worker = hub with { WorkerId = I($"bench-worker-{Environment.ProcessId}-{w}") };
                    runtimes.Add(await BenchRuntime.StartAsync(worker, latencies[w], folder, bench.Options.MaxParallelSegments, publish: false));
                }

                await Task.Delay(count > 1 ? _settle : TimeSpan.Zero);
                await runtimes[0].RunAsync(I($"workers-{count}-warmup"));
                latencies.ForEach(l => l.Reset());
                var perMinute = new List<double>();
                for (int rep = 0; rep < bench.Options.Repetitions; rep++)
                {
                    EpisodeTiming timing = await runtimes[0].RunManyAsync([.. Enumerable.Range(0, Episodes).Select(i => I($"w{count}-{rep}-{i}"))]);
                    perMinute.Add(Episodes / timing.Wall.TotalMinutes);
                }

                double rate = Median(perMinute);
                single = count == 1 ? rate : single;
                string shares = string.Join(" / ", latencies.Select(l => l.CallCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                bench.Table.Add(new ResultRow("workers", backend.Name, I($"episodes/min, {Episodes} at once, {count} worker(s) on one task hub"), F(rate, "0.0"),
                    I($"{F(rate / single, "0.00")}x one worker; provider calls per worker {shares}; {bench.Options.Repetitions} run(s), median")));
            }
            finally
            {
                foreach (BenchRuntime runtime in runtimes)
                {
                    await runtime.DisposeAsync();
                }
            }
        }
    }
}
