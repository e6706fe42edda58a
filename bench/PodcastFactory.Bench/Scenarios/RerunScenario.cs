using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 6: what a re-run costs when the orchestration state is lost but the artifacts survive (the in-memory
/// backend after a crash): the same episode id on a fresh runtime over the same artifact folder. Activities skip
/// their provider call when their output exists for the same input hash. Two cases: after a finished run, and after
/// a crash half-way through the speech fan-out (the runtime is stopped, then a new one re-runs the episode).
/// </summary>
public static class RerunScenario
{
    /// <summary>Runs the fresh run, the re-run, and the crash-then-re-run, on the memory backend.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        int maxParallel = bench.Options.MaxParallelSegments;
        string folder = bench.NewFolder("rerun");
        var latency = new LatencyInjector(bench.Profile);
        (EpisodeTiming fresh, EpisodeCalls freshCalls) = await RunOnFreshRuntimeAsync(backend, latency, folder, "rerun-1", maxParallel);
        (EpisodeTiming again, EpisodeCalls againCalls) = await RunOnFreshRuntimeAsync(backend, latency, folder, "rerun-1", maxParallel);
        bench.Table.Add(new ResultRow("rerun", backend.Name, "re-run of a finished episode: provider latency spent, % of fresh",
            I($"{F(100 * againCalls.SumMs / freshCalls.SumMs, "0.0")}%"),
            I($"{againCalls.CallCount} of {freshCalls.CallCount} provider calls; wall {F(again.Wall.TotalMilliseconds, "0")} ms = {F(100 * again.Wall / fresh.Wall, "0")}% of {F(fresh.Wall.TotalMilliseconds, "0")} ms")));

        // Crash half-way through the speech segments, then re-run on a new runtime over the same folder.
        int half = freshCalls.Speech.Count / 2;
        latency.Reset();
        Task run;
        await using (BenchRuntime crashing = await BenchRuntime.StartAsync(backend, latency, folder, maxParallel))
        {
            run = crashing.RunAsync("crash-1");
            while (latency.Calls().Speech.Count < half && !run.IsCompleted)
            {
                await Task.Delay(5);
            }
        }

        try
        {
            await run;
        }
        catch (Exception)
        {
            // Expected: the runtime went away under the waiting client.
        }

        EpisodeCalls beforeCrash = latency.Calls();
        (EpisodeTiming resumed, EpisodeCalls resumedCalls) = await RunOnFreshRuntimeAsync(backend, latency, folder, "crash-1", maxParallel);
        // Calls, not latency sums: each run draws its own jittered latencies, so sums of two runs can differ either way
        // (a sum-based share printed negative figures). A call made before the crash and again after it was paid twice.
        int paidTwice = beforeCrash.CallCount + resumedCalls.CallCount - freshCalls.CallCount;
        bench.Table.Add(new ResultRow("rerun", backend.Name, "re-run after a crash mid-audio: provider latency spent, % of fresh",
            I($"{F(100 * resumedCalls.SumMs / freshCalls.SumMs, "0.0")}%"),
            I($"{resumedCalls.CallCount} calls ({resumedCalls.Speech.Count} segments) after {beforeCrash.CallCount} before the crash; paid twice: {paidTwice} call(s), {F(100.0 * paidTwice / freshCalls.CallCount, "0.0")}% of a fresh episode's {freshCalls.CallCount}; wall {F(100 * resumed.Wall / fresh.Wall, "0")}% of fresh")));
    }

    static async Task<(EpisodeTiming Timing, EpisodeCalls Calls)> RunOnFreshRuntimeAsync(
        BenchBackend backend, LatencyInjector latency, string folder, string id, int maxParallel)
    {
        latency.Reset();
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, folder, maxParallel);
        EpisodeTiming timing = await runtime.RunAsync(id);
        return (timing, latency.Calls());
    }
}
