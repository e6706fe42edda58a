using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 3: orchestration time per activity. A PodcastFactory episode with zero injected latency (what is left is
/// orchestration, the offline agents' CPU work and artifact I/O) against the bare SDK's trivial activities on the
/// same backend: per hop on the critical path vs a chain, per activity vs a fan-out.
/// </summary>
public static class OverheadScenario
{
    // Sized like the episode: about 20 hops on its critical path, about 50 activities in all. Longer chains cost
    // more per hop (each step replays the whole history), so a 100-hop chain would not be a fair comparison.
    const int ChainLength = 20, FanOutWidth = 50;

    /// <summary>Runs both sides (a warm-up each, then the repetitions).</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        var chain = new List<double>();
        var fan = new List<double>();
        await using (BareSdkHost bare = await BareSdkHost.StartAsync(backend))
        {
            await bare.ChainAsync(ChainLength);
            await bare.FanOutAsync(FanOutWidth);
            for (int rep = 0; rep < bench.Options.Repetitions; rep++)
            {
                chain.Add((await bare.ChainAsync(ChainLength)).TotalMilliseconds / ChainLength);
                fan.Add((await bare.FanOutAsync(FanOutWidth)).TotalMilliseconds / FanOutWidth);
            }
        }

        int maxParallel = bench.Options.MaxParallelSegments;
        var latency = new LatencyInjector(LatencyProfile.Zero);
        var perHop = new List<double>();
        var perActivity = new List<double>();
        EpisodeCalls? calls = null;
        await using (BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder("overhead-" + backend.Name), maxParallel, publish: false))
        {
            await runtime.RunAsync("warmup");
            for (int rep = 0; rep < bench.Options.Repetitions; rep++)
            {
                latency.Reset();
                EpisodeTiming timing = await runtime.RunAsync(I($"overhead-{rep}"));
                calls = latency.Calls();
                perHop.Add(timing.Wall.TotalMilliseconds / CriticalPath.Hops(calls, maxParallel));
                perActivity.Add(timing.Wall.TotalMilliseconds / calls.ActivityCount);
            }
        }

        double hop = Median(perHop), bareHop = Median(chain), activity = Median(perActivity), bareActivity = Median(fan);
        bench.Table.Add(new ResultRow("overhead", backend.Name, "ms per critical-path hop: episode (zero latency) / bare SDK chain", F(hop / bareHop, "0.00"),
            I($"episode {F(hop, "0.0")} ms/hop over {CriticalPath.Hops(calls!, maxParallel)} hops; bare chain of {ChainLength} no-ops {F(bareHop, "0.00")} ms/hop")));
        bench.Table.Add(new ResultRow("overhead", backend.Name, "ms per activity: episode (zero latency) / bare SDK fan-out", F(activity / bareActivity, "0.00"),
            I($"episode {F(activity, "0.0")} ms/activity over {calls!.ActivityCount} activities; bare fan-out of {FanOutWidth} {F(bareActivity, "0.00")} ms/activity")));
    }
}
