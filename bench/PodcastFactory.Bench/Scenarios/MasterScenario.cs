using System.Buffers.Binary;
using System.Diagnostics;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Issue 14: mastering (loudness passes, limiter, PCM out), transcript and chapters for a 15- and a 60-minute episode
/// of 18 s speech-like segments (22.05 kHz mono, like espeak-ng), in multiples of real time and peak memory; the
/// encoder is measured separately (a discarding sink first, then ffmpeg when installed).
/// </summary>
public static class MasterScenario
{
    const int SecondsPerSegment = 18, PauseMs = 350, Rate = 22050;

    /// <summary>Runs the scenario.</summary>
    public static async Task RunAsync(BenchContext bench)
    {
        foreach (int minutes in new[] { 15, 60 })
        {
            string folder = bench.NewFolder($"master-{minutes}");
            int count = minutes * 60 / SecondsPerSegment;
            string[] files = await WriteSegmentsAsync(folder, count);
            var inputs = files.Select(f => new StitchInput(f, _ => Task.FromResult<Stream>(File.OpenRead(f)), PauseMs)).ToList();
            var plan = new SegmentPlan(
                files.Select((_, i) => new AudioSegment(i, i % 2 == 0 ? "Alex" : "Sam", "v", "First sentence of the turn. Second sentence follows here. And a third one.", PauseMs, i)).ToList(),
                AudioFormat.Wav);
            var script = new Script("Bench", plan.Segments.Select(s => new ScriptTurn(s.Speaker, s.Text, Chapter: s.Index % 20 == 0 ? $"Part {s.Index / 20 + 1}" : null)).ToList(), 0);
            double audioSeconds = count * (SecondsPerSegment + (PauseMs / 1000.0));

            var times = new List<double>();
            var cpu = new List<double>();
            var peaks = new List<MemoryPeak>();
            for (int rep = 0; rep <= bench.Options.Repetitions; rep++)
            {
                GC.Collect();
                using var sampler = new MemorySampler();
                TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                MasterResult result = await new EpisodeMasterer(-16, -1.7).MasterAsync(inputs, AudioFormat.Wav, _ => Task.FromResult<IPcmEncoding>(new DiscardingEncoding()), CancellationToken.None);
                IReadOnlyList<TranscriptCue> cues = TranscriptBuilder.Build(plan, result.Timeline);
                IReadOnlyList<EpisodeChapter> chapters = ChapterBuilder.Build(script, plan, result.Timeline, 8);
                _ = TranscriptFormats.WebVtt(cues) + TranscriptFormats.Srt(cues) + ChaptersJson.Write(chapters, "Bench");
                double seconds = clock.Elapsed.TotalSeconds;
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                MemoryPeak peak = sampler.Stop();
                if (rep > 0 || bench.Options.Repetitions == 0)
                {
                    times.Add(seconds);
                    cpu.Add(cpuSeconds);
                    peaks.Add(peak);
                }
            }

            bench.Table.Add(new ResultRow("master", "-", I($"master + transcript + chapters, {minutes} min: x real time"), F(audioSeconds / Median(times), "0"),
                I($"{F(Median(times), "0.00")} s wall, {F(Median(cpu), "0.00")} s CPU ({F(audioSeconds / Median(cpu), "0")}x on CPU time) for {F(audioSeconds / 60, "0.0")} min of audio ({count} segments); encoder excluded (discarding sink)")));
            bench.Table.Add(new ResultRow("master", "-", I($"peak memory, {minutes} min (MB above baseline)"), F(Median(peaks.Select(p => p.WorkingSetMb)), "0.0"),
                I($"working set; managed heap +{F(Median(peaks.Select(p => p.ManagedMb)), "0.00")} MB; allocated {F(Median(peaks.Select(p => p.AllocatedMb)), "0")} MB in total")));

            if (minutes == 60 && EncoderLocator.Find(null) is { } encoderPath)
            {
                string mp3 = Path.Combine(folder, "episode.mp3");
                var encoder = new ExternalMp3Encoder(encoderPath, 64, TimeSpan.FromMinutes(10));
                var clock = Stopwatch.StartNew();
                await new EpisodeMasterer(-16, -1.7).MasterAsync(inputs, AudioFormat.Wav, r => encoder.StartAsync(r, mp3, CancellationToken.None), CancellationToken.None);
                double seconds = clock.Elapsed.TotalSeconds;
                bench.Table.Add(new ResultRow("master", "-", "master + MP3 encode, 60 min: x real time", F(audioSeconds / seconds, "0"),
                    I($"{F(seconds, "0.00")} s with {encoder.Description} ({Path.GetFileName(encoderPath)}), {F(new FileInfo(mp3).Length / 1e6, "0.0")} MB out")));
                clock.Restart();
                LoudnessReport check = Mp3Loudness.Measure(mp3, CancellationToken.None);
                bench.Table.Add(new ResultRow("master", "-", "MP3 check (NLayer decode + meter), 60 min: x real time", F(audioSeconds / clock.Elapsed.TotalSeconds, "0"),
                    I($"{F(clock.Elapsed.TotalSeconds, "0.00")} s; the MP3 measures {F(check.IntegratedLufs, "0.0")} LUFS, {F(check.TruePeakDbtp, "0.0")} dBTP (target -16, ceiling -1.7 before the codec)")));
            }
        }
    }

    static async Task<string[]> WriteSegmentsAsync(string folder, int count)
    {
        var files = new string[count];
        byte[] data = new byte[Rate * SecondsPerSegment * 2];
        for (int i = 0; i < count; i++)
        {
            double f0 = 110 + (i % 7 * 15);
            for (int n = 0; n < Rate * SecondsPerSegment; n++)
            {
                double t = (double)n / Rate;
                double envelope = Math.Max(0, Math.Sin(2 * Math.PI * 3 * t));
                double v = 0.25 * envelope * (Math.Sin(2 * Math.PI * f0 * t) + (0.4 * Math.Sin(2 * Math.PI * 3.1 * f0 * t)));
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(n * 2), (short)(v * 32767));
            }

            files[i] = Path.Combine(folder, $"segment-{i:000}.wav");
            await File.WriteAllBytesAsync(files[i], [.. WavHeader.CreateCanonical(new WavFormat(Rate, 1, 16), data.Length), .. data]);
        }

        return files;
    }

    sealed class DiscardingEncoding : IPcmEncoding
    {
        public Stream Input => Stream.Null;

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
