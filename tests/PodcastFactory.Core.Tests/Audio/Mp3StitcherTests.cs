using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Audio;

public sealed class Mp3StitcherTests
{
    [Fact]
    public async Task StitchAsync_TwoFixturesWithoutPause_FrameCountAndDurationAreSums()
    {
        using var output = new MemoryStream();

        StitchResult result = await new Mp3Stitcher().StitchAsync(
            [TestAudio.FixtureInput("tone-a-24k.mp3"), TestAudio.FixtureInput("tone-b-24k.mp3")], output, CancellationToken.None);

        output.Position = 0;
        Mp3Info stitched = await Mp3Info.MeasureAsync(output, CancellationToken.None);
        Assert.Equal(new StitchResult("mp3", output.Length, TimeSpan.FromMilliseconds(1560 + 1056), 2, 65 + 44), result);
        Assert.Equal((109L, result.Duration), (stitched.FrameCount, stitched.Duration));
    }

    [Fact]
    public async Task StitchAsync_InputTagsAndHeaderFrames_AreDropped()
    {
        using var output = new MemoryStream();

        await new Mp3Stitcher().StitchAsync(
            [TestAudio.FixtureInput("tone-a-24k.mp3"), TestAudio.FixtureInput("tone-b-24k.mp3")], output, CancellationToken.None);

        output.Position = 0;
        Mp3Info stitched = await Mp3Info.MeasureAsync(output, CancellationToken.None);
        Assert.Equal((false, null, false, 0L), (stitched.HasId3v2, stitched.InfoFrameTag, stitched.HasId3v1, stitched.SkippedBytes));
    }

    [Fact]
    public async Task StitchAsync_PauseAfterSegment_InsertsSilentFramesRoundedToWholeFrames()
    {
        using var output = new MemoryStream();

        // 240 ms at 24 kHz is exactly 10 frames of 576 samples.
        StitchResult result = await new Mp3Stitcher().StitchAsync(
            [TestAudio.FixtureInput("tone-a-24k.mp3", 240), TestAudio.FixtureInput("tone-b-24k.mp3")], output, CancellationToken.None);

        output.Position = 0;
        Mp3Info stitched = await Mp3Info.MeasureAsync(output, CancellationToken.None);
        Assert.Equal((119L, TimeSpan.FromMilliseconds(1560 + 240 + 1056)), (result.FrameCount, result.Duration));
        Assert.Equal((119L, 0L), (stitched.FrameCount, stitched.SkippedBytes));
    }

    [Fact]
    public async Task StitchAsync_InsertSilenceOff_IgnoresPauses()
    {
        StitchResult result = await new Mp3Stitcher(insertSilence: false).StitchAsync(
            [TestAudio.FixtureInput("tone-a-24k.mp3", 240), TestAudio.FixtureInput("tone-b-24k.mp3")], new MemoryStream(), CancellationToken.None);

        Assert.Equal(109, result.FrameCount);
    }

    [Fact]
    public async Task StitchAsync_SampleRateMismatch_ThrowsNamingSegment()
    {
        var error = await Assert.ThrowsAsync<AudioFormatMismatchException>(() => new Mp3Stitcher().StitchAsync(
            [TestAudio.FixtureInput("tone-a-24k.mp3"), TestAudio.FixtureInput("tone-c-44k.mp3")], new MemoryStream(), CancellationToken.None));

        Assert.Equal(1, error.SegmentIndex);
        Assert.Contains("'tone-c-44k.mp3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("44100 Hz", error.Message, StringComparison.Ordinal);
        Assert.Contains("24000 Hz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StitchAsync_SegmentWithoutFrames_ThrowsNamingSegment()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new Mp3Stitcher().StitchAsync(
            [TestAudio.FixtureInput("tone-a-24k.mp3"), TestAudio.Input("empty.mp3", new byte[300])], new MemoryStream(), CancellationToken.None));

        Assert.Contains("Segment 1 ('empty.mp3')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AudioFormat.Wav, typeof(WavStitcher))]
    [InlineData(AudioFormat.Mp3, typeof(Mp3Stitcher))]
    public void For_Format_ReturnsMatchingStitcher(AudioFormat format, Type expected)
    {
        IAudioStitcher stitcher = AudioStitcherFactory.For(format);

        Assert.IsType(expected, stitcher);
        Assert.Equal(format, stitcher.Format);
    }
}
