using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

public sealed class EpisodeMastererTests
{
    static IReadOnlyList<StitchInput> Segments(int rate, params double[] levels) =>
        levels.Select((level, i) => TestAudio.Input($"segment-{i}", SpeechLike.Wav(rate, 4, level, seed: i), pauseAfterMs: i == levels.Length - 1 ? 0 : 350)).ToList();

    static LoudnessReport Measure(float[] samples, int rate)
    {
        var meter = new LoudnessMeter(rate, 1);
        meter.Add(samples);
        return meter.Report();
    }

    [Theory]
    [InlineData(-30.0, -16.0, -1.5)]
    [InlineData(-12.0, -16.0, -1.5)]
    [InlineData(-28.0, -19.0, -2.0)]
    public async Task MasterAsync_QuietOrLoudSpeech_ReachesTargetLoudnessUnderTheCeiling(double level, double target, double ceiling)
    {
        var encoder = new CapturingEncoder();

        MasterResult result = await new EpisodeMasterer(target, ceiling).MasterAsync(Segments(22050, level, level + 3, level - 2), AudioFormat.Wav, encoder.Start, CancellationToken.None);

        LoudnessReport output = Measure(encoder.Samples(), 22050);
        Assert.True(encoder.Completed);
        Assert.InRange(output.IntegratedLufs, target - 0.5, target + 0.5);
        Assert.True(output.TruePeakDbtp <= ceiling + 0.05, $"true peak {output.TruePeakDbtp:0.00} dBTP is above the {ceiling} ceiling");
        Assert.InRange(result.Output.IntegratedLufs, output.IntegratedLufs - 0.01, output.IntegratedLufs + 0.01);
    }

    [Fact]
    public async Task MasterAsync_SegmentsWithPauses_TimelineHasExactSamplePositions()
    {
        var encoder = new CapturingEncoder();
        StitchInput[] inputs =
        [
            TestAudio.Input("a", SpeechLike.Wav(24000, 2, -20, 1, leadingSilence: 0.5), pauseAfterMs: 350),
            TestAudio.Input("b", SpeechLike.Wav(24000, 3, -20, 2), pauseAfterMs: 120),
            TestAudio.Input("c", SpeechLike.Wav(24000, 1, -20, 3), pauseAfterMs: 0),
        ];

        MasterResult result = await new EpisodeMasterer(-16, -1.5).MasterAsync(inputs, AudioFormat.Wav, encoder.Start, CancellationToken.None);

        EpisodeTimeline timeline = result.Timeline;
        Assert.Equal([0.0, 2.5 + 0.35, 2.85 + 3 + 0.12], timeline.Segments.Select(s => Math.Round(s.Start, 4)));
        Assert.Equal(2.5, timeline.Segments[0].End, 4);
        Assert.InRange(timeline.Segments[0].SpeechStart, 0.49, 0.51);
        Assert.Equal(6.97, timeline.Duration, 4);
        Assert.Equal((long)(6.97 * 24000), encoder.Pcm.Length / 2);
    }

    [Fact]
    public async Task MasterAsync_SampleRatesDiffer_ThrowsFormatMismatch()
    {
        StitchInput[] inputs = [TestAudio.Input("a", SpeechLike.Wav(22050, 1, -20, 1)), TestAudio.Input("b", SpeechLike.Wav(24000, 1, -20, 2))];

        var error = await Assert.ThrowsAsync<AudioFormatMismatchException>(() =>
            new EpisodeMasterer(-16, -1).MasterAsync(inputs, AudioFormat.Wav, new CapturingEncoder().Start, CancellationToken.None));

        Assert.Equal(1, error.SegmentIndex);
    }

    [Fact]
    public async Task MasterAsync_SilentEpisode_ThrowsWithAClearMessage()
    {
        StitchInput[] inputs = [TestAudio.Input("a", SpeechLike.Wav(22050, 1, -200, 1, peaks: false))];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new EpisodeMasterer(-16, -1).MasterAsync(inputs, AudioFormat.Wav, new CapturingEncoder().Start, CancellationToken.None));

        Assert.Contains("silent", error.Message, StringComparison.Ordinal);
    }
}
