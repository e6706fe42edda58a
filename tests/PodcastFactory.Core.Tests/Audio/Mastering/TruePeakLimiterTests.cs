using PodcastFactory.Core.Audio.Mastering;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

public sealed class TruePeakLimiterTests
{
    static float[] Run(TruePeakLimiter limiter, float[] input)
    {
        float[] output = new float[input.Length + limiter.Latency];
        int n = limiter.Process(input, output);
        n += limiter.Flush(output.AsSpan(n));
        return output[..n];
    }

    static LoudnessReport Measure(float[] samples, int rate)
    {
        var meter = new LoudnessMeter(rate, 1);
        meter.Add(samples);
        return meter.Report();
    }

    [Fact]
    public void Process_InterSamplePeaksAboveTheCeiling_TruePeakEndsAtTheCeiling()
    {
        // Sample peaks at -1 dBFS but true peaks near +2 dBTP (fs/4 sine, 45 degrees off its crests), bursts of 50 ms.
        float[] input = Signals.Concat(Signals.Sine(48000, 0.05, 12000, 2, phase: Math.PI / 4), Signals.Silence(48000, 0.2), Signals.Sine(48000, 0.5, 1000, -3));
        var limiter = new TruePeakLimiter(48000, -1.5);

        float[] output = Run(limiter, input);

        Assert.Equal(input.Length, output.Length);
        Assert.True(Measure(output, 48000).TruePeakDbtp <= -1.45, $"true peak {Measure(output, 48000).TruePeakDbtp:0.00} dBTP");
        Assert.True(limiter.MinimumGain < 0.7);
    }

    [Fact]
    public void Process_SignalBelowTheCeiling_PassesUnchangedAfterTheLatency()
    {
        float[] input = Signals.Sine(22050, 1, 440, -12);
        var limiter = new TruePeakLimiter(22050, -1);

        float[] output = Run(limiter, input);

        Assert.Equal(1.0, limiter.MinimumGain);
        Assert.Equal(input, output);
    }
}
