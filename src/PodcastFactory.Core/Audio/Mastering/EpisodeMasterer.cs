using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>What mastering did.</summary>
/// <param name="Input">Loudness of the stitched segments before mastering.</param>
/// <param name="Output">Loudness of the mastered PCM as sent to the encoder.</param>
/// <param name="GainDb">Gain applied to reach the target.</param>
/// <param name="LimiterDepthDb">Deepest true-peak limiting, dB (0 when the limiter never acted).</param>
/// <param name="Timeline">Where every segment is in the master.</param>
public sealed record MasterResult(LoudnessReport Input, LoudnessReport Output, double GainDb, double LimiterDepthDb, EpisodeTimeline Timeline);

/// <summary>The first pass over the segments: what the episode measures before mastering and where every segment is.</summary>
/// <param name="Inputs">The segments, in order, with their pauses.</param>
/// <param name="Format">The segments' format.</param>
/// <param name="SampleRate">Their common sample rate.</param>
/// <param name="Loudness">Loudness and true peak of the stitched segments.</param>
/// <param name="Timeline">Where every segment is.</param>
public sealed record MeasuredEpisode(IReadOnlyList<StitchInput> Inputs, AudioFormat Format, int SampleRate, LoudnessReport Loudness, EpisodeTimeline Timeline);

/// <summary>
/// Masters an episode straight from its segments, streaming: the first pass decodes every segment (with its pause)
/// into the loudness meter and records the timeline; the last applies the gain that brings the integrated loudness to
/// the target and the true-peak limiter, and streams 16-bit mono PCM into the encoder. Between them, dry passes (which
/// measure loudness only) correct the gain for what limiting costs, but only when the limiter will act: when the
/// measured true peak plus the gain stays under the ceiling, the gain is exact and no dry pass runs. Memory is a few
/// buffers, whatever the episode's length. All segments must share one sample rate.
/// </summary>
public sealed class EpisodeMasterer(double targetLufs, double ceilingDbtp)
{
    const int Chunk = 16384;
    const double MaxGainDb = 40;
    const int MaxCorrectionPasses = 2;
    const double CorrectionToleranceLu = 0.25;

    /// <summary>Masters <paramref name="inputs"/> (in <paramref name="format"/>) into the encoder <paramref name="startEncoder"/> starts for the episode's sample rate.</summary>
    /// <exception cref="AudioFormatMismatchException">Segments differ in sample rate.</exception>
    /// <exception cref="InvalidDataException">A segment is not valid audio, or the whole episode is silent.</exception>
    public async Task<MasterResult> MasterAsync(IReadOnlyList<StitchInput> inputs, AudioFormat format, Func<int, Task<IPcmEncoding>> startEncoder, CancellationToken cancellationToken) =>
        await RenderAsync(await MeasureAsync(inputs, format, cancellationToken), startEncoder, cancellationToken);

    /// <summary>The first pass: decodes every segment once to measure the episode and record its timeline.</summary>
    /// <exception cref="AudioFormatMismatchException">Segments differ in sample rate.</exception>
    /// <exception cref="InvalidDataException">A segment is not valid audio, or the whole episode is silent.</exception>
    public static async Task<MeasuredEpisode> MeasureAsync(IReadOnlyList<StitchInput> inputs, AudioFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("At least one segment is required.", nameof(inputs));
        }

        (int rate, LoudnessReport input, EpisodeTimeline timeline) = await MeasureSegmentsAsync(inputs, format, cancellationToken);
        if (double.IsNegativeInfinity(input.IntegratedLufs))
        {
            throw new InvalidDataException("The episode is silent: its loudness is below the -70 LUFS gate, so there is nothing to master.");
        }

        return new MeasuredEpisode(inputs, format, rate, input, timeline);
    }

    /// <summary>Masters a measured episode into the encoder <paramref name="startEncoder"/> starts for its sample rate.</summary>
    public async Task<MasterResult> RenderAsync(MeasuredEpisode episode, Func<int, Task<IPcmEncoding>> startEncoder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(startEncoder);
        (IReadOnlyList<StitchInput> inputs, AudioFormat format, int rate, LoudnessReport input, EpisodeTimeline timeline) = episode;

        // Limiting lowers loudness a little: dry passes (no encoder) correct the gain until it lands within tolerance.
        double gainDb = Math.Min(MaxGainDb, targetLufs - input.IntegratedLufs);
        for (int pass = 0; pass < MaxCorrectionPasses && input.TruePeakDbtp + gainDb > ceilingDbtp; pass++)
        {
            (LoudnessReport dry, _) = await RenderAsync(inputs, format, rate, gainDb, sink: null, cancellationToken);
            double error = targetLufs - dry.IntegratedLufs;
            if (Math.Abs(error) <= CorrectionToleranceLu)
            {
                break;
            }

            gainDb = Math.Min(MaxGainDb, gainDb + error);
        }

        await using IPcmEncoding encoding = await startEncoder(rate);
        LoudnessReport output;
        double depth;
        try
        {
            (output, depth) = await RenderAsync(inputs, format, rate, gainDb, encoding.Input, cancellationToken);
        }
        catch (IOException)
        {
            // A broken pipe means the encoder stopped: its own error message says why.
            await encoding.CompleteAsync(cancellationToken);
            throw;
        }

        await encoding.CompleteAsync(cancellationToken);
        return new MasterResult(input, output, gainDb, depth, timeline);
    }

    static async Task<(int Rate, LoudnessReport Report, EpisodeTimeline Timeline)> MeasureSegmentsAsync(IReadOnlyList<StitchInput> inputs, AudioFormat format, CancellationToken cancellationToken)
    {
        float[] buffer = new float[Chunk];
        LoudnessMeter? meter = null;
        int rate = 0;
        long position = 0;
        var segments = new List<TimelineSegment>(inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            await using PcmSegmentReader reader = await OpenAsync(inputs[i], format, cancellationToken);
            if (meter is null)
            {
                rate = reader.SampleRate;
                meter = new LoudnessMeter(rate, 1);
            }
            else if (reader.SampleRate != rate)
            {
                throw new AudioFormatMismatchException(i, inputs[i].Name, $"{rate} Hz", $"{reader.SampleRate} Hz");
            }

            var tracker = new SegmentTracker(i, position, rate);
            int n;
            while ((n = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                meter.Add(buffer.AsSpan(0, n));
                tracker.Add(buffer.AsSpan(0, n));
            }

            segments.Add(tracker.Finish());
            long pause = PauseSamples(inputs[i].PauseAfterMs, rate);
            Array.Clear(buffer);
            for (long left = pause; left > 0; left -= Chunk)
            {
                meter.Add(buffer.AsSpan(0, (int)Math.Min(Chunk, left)));
            }

            position += tracker.Length + pause;
        }

        return (rate, meter!.Report(), new EpisodeTimeline(rate, (double)position / rate, segments));
    }

    async Task<(LoudnessReport Output, double LimiterDepthDb)> RenderAsync(
        IReadOnlyList<StitchInput> inputs, AudioFormat format, int rate, double gainDb, Stream? sink, CancellationToken cancellationToken)
    {
        float gain = (float)Math.Pow(10, gainDb / 20);
        var limiter = new TruePeakLimiter(rate, ceilingDbtp);
        var meter = new LoudnessMeter(rate, 1, truePeak: sink is not null);
        float[] buffer = new float[Chunk];
        float[] limited = new float[Chunk];
        byte[] pcm = new byte[Chunk * 2];

        async Task EmitAsync(int count)
        {
            meter.Add(limited.AsSpan(0, count));
            if (sink is null)
            {
                return;
            }

            ToPcm16(limited.AsSpan(0, count), pcm);
            await sink.WriteAsync(pcm.AsMemory(0, count * 2), cancellationToken);
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            await using (PcmSegmentReader reader = await OpenAsync(inputs[i], format, cancellationToken))
            {
                int n;
                while ((n = await reader.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    Scale(buffer.AsSpan(0, n), gain);
                    await EmitAsync(limiter.Process(buffer.AsSpan(0, n), limited));
                }
            }

            Array.Clear(buffer);
            for (long left = PauseSamples(inputs[i].PauseAfterMs, rate); left > 0; left -= Chunk)
            {
                await EmitAsync(limiter.Process(buffer.AsSpan(0, (int)Math.Min(Chunk, left)), limited));
            }
        }

        await EmitAsync(limiter.Flush(limited));
        return (meter.Report(), -LoudnessMeter.ToDb(limiter.MinimumGain));
    }

    static async Task<PcmSegmentReader> OpenAsync(StitchInput input, AudioFormat format, CancellationToken cancellationToken) =>
        await PcmSegmentReader.OpenAsync(await input.Open(cancellationToken), format, input.Name, cancellationToken);

    // The per-sample loops live outside the async methods and are compiled optimized at once: a worker's first
    // publishes (after a cold start or a scale-out) otherwise ran them as unoptimized tier-0 code, 2-3x slower (the
    // bench's first 5-minute publish in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Scale(Span<float> samples, float gain)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] *= gain;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void ToPcm16(ReadOnlySpan<float> samples, byte[] pcm)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), (short)Math.Clamp(MathF.Round(samples[i] * 32767f), -32768f, 32767f));
        }
    }

    static long PauseSamples(int milliseconds, int rate) => (long)Math.Round((double)rate * milliseconds / 1000);
}
