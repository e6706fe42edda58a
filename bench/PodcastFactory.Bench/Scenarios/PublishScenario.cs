using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Issue 22: what publishing costs inside the product. A one-minute episode alone (its publish stage from the manifest:
/// multiples of real time, share of the episode's wall time, passes), then 20 one-minute episodes started at once: how
/// far their publishes stretch each episode (per-episode wall p50 and slowest, against the episode alone).
/// </summary>
public static class PublishScenario
{
    const int Minutes = 1, Concurrent = 20;

    /// <summary>Runs a warm-up, <see cref="BenchOptions.Repetitions"/> single episodes, then one batch of 20.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        var latency = new LatencyInjector(bench.Profile);
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder("publish-" + backend.Name), bench.Options.MaxParallelSegments);
        await runtime.RunManyAsync(["publish-warmup"], Minutes);

        var alone = new List<(double Wall, PublishFigures Publish)>();
        for (int rep = 0; rep < bench.Options.Repetitions; rep++)
        {
            string id = I($"publish-{rep}");
            EpisodeTiming timing = await runtime.RunManyAsync([id], Minutes);
            alone.Add((timing.Wall.TotalMilliseconds, await PublishFigures.ReadAsync(runtime, id)));
        }

        double wall = Median(alone.Select(a => a.Wall));
        double stage = Median(alone.Select(a => a.Publish.StageMs));
        double audio = Median(alone.Select(a => a.Publish.AudioSeconds));
        bench.Table.Add(new ResultRow("publish", backend.Name, "publish of a 1-minute episode: x real time (audio / publish stage)", F(Median(alone.Select(a => a.Publish.TimesRealTime)), "0.0"),
            I($"publish stage {F(stage, "0")} ms for {F(audio, "0.0")} s of audio (master, encode, check, transcript, show notes, feed); {string.Join("/", alone.Select(a => a.Publish.MasterPasses))} pass(es)")));
        bench.Table.Add(new ResultRow("publish", backend.Name, "publish stage / episode wall, 1 episode", I($"{F(100 * stage / wall, "0")}%"),
            I($"{F(stage, "0")} ms of {F(wall, "0")} ms (medians of {alone.Count})")));

        string[] ids = [.. Enumerable.Range(0, Concurrent).Select(i => I($"publish-many-{i}"))];
        EpisodeTiming many = await runtime.RunManyAsync(ids, Minutes);
        PublishFigures[] publishes = await Task.WhenAll(ids.Select(id => PublishFigures.ReadAsync(runtime, id)));
        double p50 = Median(many.Walls.Select(w => w.TotalMilliseconds));
        bench.Table.Add(new ResultRow("publish", backend.Name, I($"{Concurrent} concurrent 1-minute episodes: p50 episode wall / alone"), F(p50 / wall, "0.00"),
            I($"p50 {F(p50, "0")} ms, slowest {F(many.Walls.Max().TotalMilliseconds, "0")} ms, alone {F(wall, "0")} ms; publish stage p50 {F(Median(publishes.Select(p => p.StageMs)), "0")} ms (queue wait included)")));
    }
}
