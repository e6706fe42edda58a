using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Issue 22's speech speedup: the audio stage of the same episode (12 or more segments) with one segment at a time
/// against <see cref="Parallel"/> at a time, on a speech provider with no rate limit (the profile's latency per
/// segment). The stage's duration comes from the manifest (orchestration clock: plan, fan-out, stitch).
/// </summary>
public static class SpeechSpeedupScenario
{
    /// <summary>Segments in flight in the parallel run.</summary>
    public const int Parallel = 8;

    /// <summary>Runs the sequential and the parallel episode (a warm-up each), repetitions as configured.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        (double sequential, int segments) = await AudioStageAsync(bench, backend, 1);
        (double parallel, _) = await AudioStageAsync(bench, backend, Parallel);
        if (segments < 12)
        {
            throw new InvalidOperationException($"The episode has {segments} segments; the figure needs 12 or more.");
        }

        // The limit with a window of `Parallel`: ceil(segments / Parallel) waves instead of `segments` calls in a row.
        double limit = segments / Math.Ceiling(segments / (double)Parallel);
        bench.Table.Add(new ResultRow("speech-speedup", backend.Name, I($"audio stage, 1 segment at a time / {Parallel} at a time (goal >= 4x)"), F(sequential / parallel, "0.00") + "x",
            I($"{segments} segments, speech {F(bench.Profile.Speech.MeanMs, "0")} ms each, no rate limit: {F(sequential, "0")} ms vs {F(parallel, "0")} ms (medians of {bench.Options.Repetitions}); limit {F(limit, "0.0")}x")));
    }

    static async Task<(double StageMs, int Segments)> AudioStageAsync(BenchContext bench, BenchBackend backend, int maxParallel)
    {
        var latency = new LatencyInjector(bench.Profile);
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, bench.NewFolder(I($"speech-{backend.Name}-{maxParallel}")), maxParallel, publish: false);
        await runtime.RunAsync(I($"speech-warmup-{maxParallel}"));
        var store = runtime.Services.GetRequiredService<IArtifactStore>();
        var stages = new List<double>();
        int segments = 0;
        for (int rep = 0; rep < bench.Options.Repetitions; rep++)
        {
            latency.Reset();
            string id = I($"speech-{maxParallel}-{rep}");
            await runtime.RunAsync(id);
            EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
            stages.Add(manifest.Stages.Single(s => s.Name == Stages.Audio).DurationMs);
            segments = latency.Calls().Speech.Count;
        }

        return (Median(stages), segments);
    }
}
