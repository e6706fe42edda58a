using System.Diagnostics;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Issue 22's CPU limits: core-seconds the process spends per one-minute episode on a zero-latency provider (publishing
/// off), alone and 16 at once; and what an episode costs while it only waits on a slow provider (goal under 2 % of a
/// core). Headlines are the process's whole CPU, an upper bound: the same runtime's CPU while idle just before is
/// reported beside them, not subtracted (right after a warm-up it is mostly the JIT recompiling hot methods in the
/// background, which under load went on for many seconds and made a subtracted figure meaningless).
/// </summary>
public static class CpuScenario
{
    const int OneMinute = 1, Together = 16, Alone = 5, Waiting = 16;
    static readonly TimeSpan _idleWindow = TimeSpan.FromSeconds(10), _waitWindow = TimeSpan.FromSeconds(20);

    /// <summary>Runs both measurements on <paramref name="backend"/>.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        await MeasureWorkAsync(bench, backend);
        await MeasureWaitingAsync(bench, backend);
    }

    static async Task MeasureWorkAsync(BenchContext bench, BenchBackend backend)
    {
        var latency = new LatencyInjector(LatencyProfile.Zero);
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder("cpu-" + backend.Name), bench.Options.MaxParallelSegments, publish: false);
        // Warm-up at the measured concurrency, so JIT tiering is behind us (a Functions instance runs warm too).
        await runtime.RunManyAsync([.. Enumerable.Range(0, Together).Select(i => I($"cpu-warm-{i}"))], OneMinute);
        double idle = await CoresBusyAsync(_idleWindow);

        var alone = new List<double>();
        for (int i = 0; i < Alone; i++)
        {
            alone.Add(CoreSeconds(await runtime.RunManyAsync([I($"cpu-alone-{i}")], OneMinute), 1));
        }

        var together = new List<double>();
        var walls = new List<double>();
        for (int rep = 0; rep < bench.Options.Repetitions; rep++)
        {
            EpisodeTiming timing = await runtime.RunManyAsync([.. Enumerable.Range(0, Together).Select(i => I($"cpu-{rep}-{i}"))], OneMinute);
            together.Add(CoreSeconds(timing, Together));
            walls.Add(timing.ClientWall.TotalMilliseconds);
        }

        int segments = latency.Calls().Speech.Count / (Together * (1 + bench.Options.Repetitions) + Alone);
        bench.Table.Add(new ResultRow("cpu", backend.Name, "core-seconds per one-minute episode, 16 at once (goal <= 0.15)", F(Median(together), "0.000"),
            I($"process CPU / 16 episodes; {bench.Options.Repetitions} run(s), median wall {F(Median(walls), "0")} ms; the idle runtime before them used {F(idle * 100, "0.0")} % of a core; zero latency, publishing off, {segments} segments per episode")));
        bench.Table.Add(new ResultRow("cpu", backend.Name, "core-seconds per one-minute episode, alone", F(Median(alone), "0.000"),
            I($"median of {Alone} episodes one at a time, process CPU")));
    }

    // Episodes whose speech takes an hour: once every episode has its segments in flight, nothing happens but waiting.
    static async Task MeasureWaitingAsync(BenchContext bench, BenchBackend backend)
    {
        var latency = new LatencyInjector(LatencyProfile.Zero);
        int maxParallel = bench.Options.MaxParallelSegments;
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder("waiting-" + backend.Name), maxParallel, publish: false);
        // Warm first: a fresh runtime spends its first seconds compiling (26 % of a core measured as "idle" without this).
        await runtime.RunManyAsync([.. Enumerable.Range(0, Waiting).Select(i => I($"wait-warm-{i}"))], OneMinute);
        latency.Profile = LatencyProfile.Zero with { Speech = new AgentLatency(3_600_000, 0) };
        latency.Reset();
        double idle = await CoresBusyAsync(_idleWindow);
        string[] ids = [.. Enumerable.Range(0, Waiting).Select(i => I($"wait-{i}"))];
        Task<EpisodeTiming> run = runtime.RunManyAsync(ids, OneMinute);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            while (latency.CallCount < Waiting * (3 + 1 + 1 + 1 + maxParallel))
            {
                // 3 angles, script, review, social, then every episode's first wave of segments
                await Task.Delay(200, deadline.Token);
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // the last orchestration replies settle
        double busy = await CoresBusyAsync(_waitWindow);
        latency.Profile = LatencyProfile.Zero;
        latency.CutWaits();
        await run;

        double perEpisode = busy / Waiting;
        bench.Table.Add(new ResultRow("cpu", backend.Name, "CPU per waiting episode, % of a core (goal < 2 %)", F(perEpisode * 100, "0.00"),
            I($"{Waiting} episodes each with {maxParallel} speech calls in flight: the process used {F(busy * 100, "0.0")} % of a core over {_waitWindow.TotalSeconds:0} s, / {Waiting} (the idle runtime before them: {F(idle * 100, "0.0")} %)")));
    }

    // Cores busy on average over the window (process CPU time / wall time).
    static async Task<double> CoresBusyAsync(TimeSpan window)
    {
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds / clock.Elapsed.TotalSeconds;
    }

    static double CoreSeconds(EpisodeTiming timing, int episodes) => timing.CpuTime.TotalSeconds / episodes;
}
