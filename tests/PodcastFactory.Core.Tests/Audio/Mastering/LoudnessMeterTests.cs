using PodcastFactory.Core.Audio.Mastering;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

// Expected values follow BS.1770-4 (a 0 dBFS 997 Hz-1 kHz sine in one channel reads -3.01 LKFS) and EBU Tech 3341.
public sealed class LoudnessMeterTests
{
    static LoudnessReport Measure(float[] samples, int rate, int channels = 1)
    {
        var meter = new LoudnessMeter(rate, channels);
        for (int i = 0; i < samples.Length; i += 4096 * channels)
        {
            meter.Add(samples.AsSpan(i, Math.Min(4096 * channels, samples.Length - i)));
        }

        return meter.Report();
    }

    [Theory]
    [InlineData(48000)]
    [InlineData(44100)]
    [InlineData(24000)]
    [InlineData(22050)]
    public void Report_MonoSineAtMinus20Dbfs_ReadsMinus23Lufs(int rate)
    {
        LoudnessReport report = Measure(Signals.Sine(rate, 10, 1000, -20), rate);

        Assert.InRange(report.IntegratedLufs, -23.11, -22.91);
    }

    [Fact]
    public void Report_StereoSineAtMinus23DbfsInBothChannels_ReadsMinus23Lufs()
    {
        // EBU Tech 3341 test 1: stereo 1 kHz at -23 dBFS per channel gives -23.0 LUFS.
        LoudnessReport report = Measure(Signals.Sine(48000, 20, 1000, -23, channels: 2), 48000, channels: 2);

        Assert.InRange(report.IntegratedLufs, -23.1, -22.9);
    }

    [Fact]
    public void Report_ToneWithLongSilence_SilenceIsGatedOut()
    {
        float[] signal = Signals.Concat(Signals.Silence(24000, 20), Signals.Sine(24000, 10, 1000, -20), Signals.Silence(24000, 30));

        LoudnessReport report = Measure(signal, 24000);

        Assert.InRange(report.IntegratedLufs, -23.15, -22.85);
    }

    [Fact]
    public void Report_QuietPartsMoreThan10LuBelow_RelativeGateRemovesThem()
    {
        // EBU Tech 3341 test 3 shape: -36 / -23 / -36 dBFS (stereo) for 10 / 60 / 10 s gives -23.0 LUFS.
        float[] signal = Signals.Concat(
            Signals.Sine(48000, 10, 1000, -36, 2), Signals.Sine(48000, 60, 1000, -23, 2), Signals.Sine(48000, 10, 1000, -36, 2));

        LoudnessReport report = Measure(signal, 48000, channels: 2);

        Assert.InRange(report.IntegratedLufs, -23.1, -22.9);
    }

    [Fact]
    public void Report_QuietPartsWithin10Lu_AreCountedInTheAverage()
    {
        // -26 and -20 dBFS halves: both pass the relative gate, so the result is the energy mean, not the louder part.
        float[] signal = Signals.Concat(Signals.Sine(24000, 20, 1000, -26), Signals.Sine(24000, 20, 1000, -20));

        LoudnessReport report = Measure(signal, 24000);

        double expected = -3.01 + (10 * Math.Log10((Math.Pow(10, -2.6) + Math.Pow(10, -2.0)) / 2));
        Assert.InRange(report.IntegratedLufs, expected - 0.15, expected + 0.15);
    }

    [Fact]
    public void Report_Silence_IsNegativeInfinity()
    {
        LoudnessReport report = Measure(Signals.Silence(22050, 5), 22050);

        Assert.Equal(double.NegativeInfinity, report.IntegratedLufs);
    }

    [Fact]
    public void Report_InterSamplePeak_TruePeakExceedsSamplePeakBy3Db()
    {
        // A sine at a quarter of the sample rate, sampled 45 degrees off its crests: samples reach 0.707 of the peak.
        float[] signal = Signals.Sine(48000, 1, 12000, -1, phase: Math.PI / 4);

        LoudnessReport report = Measure(signal, 48000);

        Assert.InRange(report.SamplePeakDbfs, -4.1, -3.9);
        Assert.InRange(report.TruePeakDbtp, -1.3, -0.8);
    }

    [Fact]
    public void Report_InterSamplePeakAt16kHz_FindsIt()
    {
        // 16 kHz speech (flite): a 3 kHz sine whose crests fall between samples.
        float[] signal = Signals.Sine(16000, 1, 3000, -1, phase: 0.3);

        LoudnessReport report = Measure(signal, 16000);

        Assert.InRange(report.TruePeakDbtp, -1.15, -0.85);
    }

    [Fact]
    public void KWeighting_At48kHz_MatchesTheStandardsCoefficients()
    {
        // BS.1770-4 tabulates stage 1 b0 = 1.53512485958697, a1 = -1.69065929318241 at 48 kHz.
        (Biquad shelf, Biquad highPass) = KWeighting.Create(48000);

        Assert.InRange(shelf.GainDb(10000, 48000), 3.9, 4.1);
        Assert.InRange(highPass.GainDb(10, 48000), -25, -15);
        Assert.InRange(shelf.Process(1.0), 1.5351248, 1.5351249);
    }
}
