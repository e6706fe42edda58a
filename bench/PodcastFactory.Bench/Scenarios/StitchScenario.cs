using System.Diagnostics;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Audio;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 5: WavStitcher throughput against a plain Stream.CopyTo of the same segment files into one file, and the
/// memory it needs for a 60-minute episode (200 segments x 18 s, 22.05 kHz 16-bit mono, about 160 MB).
/// </summary>
public static class StitchScenario
{
    const int Segments = 200, SecondsPerSegment = 18, PauseMs = 350;
    static readonly WavFormat _format = new(22050, 1, 16);

    /// <summary>Writes the segments once, then alternates copy and stitch for each repetition.</summary>
    public static async Task RunAsync(BenchContext bench)
    {
        string folder = bench.NewFolder("stitch");
        string[] files = await WriteSegmentsAsync(folder);
        string output = Path.Combine(folder, "episode.wav");
        var copy = new List<double>();
        var stitch = new List<double>();
        var peaks = new List<MemoryPeak>();
        long bytes = 0;
        for (int rep = 0; rep <= bench.Options.Repetitions; rep++)
        {
            (double copyRate, _) = await MeasureAsync(output, () => CopyAsync(files, output));
            (double stitchRate, MemoryPeak peak) = await MeasureAsync(output, () => StitchAsync(files, output));
            bytes = new FileInfo(output).Length;
            if (rep > 0)
            {
                copy.Add(copyRate);
                stitch.Add(stitchRate);
                peaks.Add(peak);
            }

            File.Delete(output);
        }

        double stitchMbps = Median(stitch), copyMbps = Median(copy);
        bench.Table.Add(new ResultRow("stitch", "-", "WAV stitch MB/s / plain copy MB/s", F(stitchMbps / copyMbps, "0.00"),
            I($"stitch {F(stitchMbps, "0")} MB/s, copy {F(copyMbps, "0")} MB/s, {F(bytes / 1e6, "0.0")} MB out, {Segments} segments, 60 min")));
        bench.Table.Add(new ResultRow("stitch", "-", "peak memory while stitching 60 min (MB above baseline)",
            I($"{F(Median(peaks.Select(p => p.WorkingSetMb)), "0.0")} MB"),
            I($"working set; managed heap +{F(Median(peaks.Select(p => p.ManagedMb)), "0.00")} MB; allocated {F(Median(peaks.Select(p => p.AllocatedMb)), "0.00")} MB in total; episode is {F(bytes / 1e6, "0")} MB")));
    }

    static async Task<(double MbPerSecond, MemoryPeak Peak)> MeasureAsync(string output, Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        await work();
        double seconds = clock.Elapsed.TotalSeconds;
        MemoryPeak peak = sampler.Stop();
        return (new FileInfo(output).Length / 1e6 / seconds, peak);
    }

    static async Task CopyAsync(string[] files, string output)
    {
        await using var target = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 65536, useAsync: true);
        foreach (string file in files)
        {
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, useAsync: true);
            await source.CopyToAsync(target, 65536);
        }
    }

    static async Task StitchAsync(string[] files, string output)
    {
        var inputs = files.Select(f => new StitchInput(f, _ =>
            Task.FromResult<Stream>(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, useAsync: true)), PauseMs)).ToList();
        await using var target = new FileStream(output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 65536, useAsync: true);
        await new WavStitcher().StitchAsync(inputs, target, CancellationToken.None);
    }

    static async Task<string[]> WriteSegmentsAsync(string folder)
    {
        int data = _format.ByteRate * SecondsPerSegment;
        byte[] samples = new byte[data];
        new Random(7).NextBytes(samples);
        var files = new string[Segments];
        for (int i = 0; i < Segments; i++)
        {
            files[i] = Path.Combine(folder, I($"segment-{i:000}.wav"));
            await using var file = File.Create(files[i]);
            await file.WriteAsync(WavHeader.CreateCanonical(_format, data));
            await file.WriteAsync(samples);
        }

        return files;
    }
}
