using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio;

/// <remarks>
/// Fixtures (tests/PodcastFactory.Tests/Fixtures/audio) were made with sox 14.4 and LAME 3.100:
///   sox -n -r 24000 -c 1 toneA.wav synth 1.5 sine 440   ; lame -V 6 --resample 24 --add-id3v2 --tt "Tone A" --ta PodcastFactory toneA.wav tone-a-24k.mp3
///   sox -n -r 24000 -c 1 toneB.wav synth 1.0 sine 660   ; lame -b 32 --resample 24 --id3v1-only --tt "Tone B" toneB.wav tone-b-24k.mp3
///   sox -n -r 44100 -c 1 toneC.wav synth 1.0 sine 523.25; lame -b 64 --resample 44.1 toneC.wav tone-c-44k.mp3
/// Expected figures were measured with sox: `soxi f.mp3` for rate and channels, and the decoded sample count
/// `sox f.mp3 -t s16 - | wc -c` / 2, which is frames x samples-per-frame when sox does not trim the encoder delay:
///   tone-a: soxi 24000 Hz, 1 ch, "1.50 s = 36000 samples" — sox trims the LAME tag's delay 576 + padding 864
///           (and lame wrote TLEN=1500); 36000 + 576 + 864 = 37440 = 65 frames x 576; the Xing header says 65 frames.
///   tone-b: soxi 24000 Hz, 1 ch; decoded 25344 samples = 44 frames x 576 = 1.056 s (soxi's "1.09 s" header
///           figure is a bitrate estimate: CBR without a Xing header).
///   tone-c: soxi 44100 Hz, 1 ch; decoded 46080 samples = 40 frames x 1152 = 1.04490 s; the Info header says 40
///           frames (soxi's "1.07 s" header figure is again a bitrate estimate).
/// </remarks>
public sealed class Mp3InfoTests
{
    [Theory]
    [InlineData("tone-a-24k.mp3", MpegVersion.Mpeg2, 24000, 65, 37440)]
    [InlineData("tone-b-24k.mp3", MpegVersion.Mpeg2, 24000, 44, 25344)]
    [InlineData("tone-c-44k.mp3", MpegVersion.Mpeg1, 44100, 40, 46080)]
    public async Task MeasureAsync_Fixture_MatchesSoxFigures(string file, MpegVersion version, int sampleRate, long frames, long samples)
    {
        await using FileStream stream = File.OpenRead(TestAudio.Fixture(file));

        Mp3Info info = await Mp3Info.MeasureAsync(stream, CancellationToken.None);

        Assert.Equal((version, sampleRate, 1, frames, samples), (info.Version, info.SampleRate, info.Channels, info.FrameCount, info.SampleCount));
        Assert.Equal(WavDuration.FromSampleFrames(samples, sampleRate), info.Duration);
        Assert.Equal(0, info.SkippedBytes);
    }

    [Fact]
    public async Task MeasureAsync_ToneA_SkipsId3v2XingAndId3v1()
    {
        await using FileStream stream = File.OpenRead(TestAudio.Fixture("tone-a-24k.mp3"));

        Mp3Info info = await Mp3Info.MeasureAsync(stream, CancellationToken.None);

        Assert.True(info.HasId3v2);
        Assert.Equal("Xing", info.InfoFrameTag);
        Assert.True(info.HasId3v1);
    }

    [Fact]
    public async Task MeasureAsync_ToneC_SkipsInfoFrameWithoutTags()
    {
        await using FileStream stream = File.OpenRead(TestAudio.Fixture("tone-c-44k.mp3"));

        Mp3Info info = await Mp3Info.MeasureAsync(stream, CancellationToken.None);

        Assert.Equal(("Info", false, false), (info.InfoFrameTag, info.HasId3v2, info.HasId3v1));
    }

    [Fact]
    public async Task MeasureAsync_VbriHeaderFrame_IsNotCountedAsAudio()
    {
        byte[] toneB = await File.ReadAllBytesAsync(TestAudio.Fixture("tone-b-24k.mp3"));
        Assert.True(Mp3FrameHeader.TryParse(toneB, out Mp3FrameHeader first));
        byte[] vbri = new byte[first.FrameLength];
        toneB.AsSpan(0, 4).CopyTo(vbri);
        "VBRI"u8.CopyTo(vbri.AsSpan(36));

        Mp3Info info = await Mp3Info.MeasureAsync(new MemoryStream([.. vbri, .. toneB]), CancellationToken.None);

        Assert.Equal(("VBRI", 44L), (info.InfoFrameTag, info.FrameCount));
    }

    [Fact]
    public async Task MeasureAsync_GarbageAroundFrames_ResyncsAndCountsOnlyRealFrames()
    {
        byte[] toneB = await File.ReadAllBytesAsync(TestAudio.Fixture("tone-b-24k.mp3"));
        byte[] withoutTag = toneB[..^128];
        byte[] garbage = [0xFF, 0xFB, 0x90, 0x00, 1, 2, 3, 0xFF, 0xF3, 0x44, 0xC4, 0xFF, 0x00, .. "ID3 not a tag"u8, 0xFF];

        var stream = new NonSeekableStream([.. garbage, .. withoutTag, .. garbage, .. toneB]);
        Mp3Info info = await Mp3Info.MeasureAsync(stream, CancellationToken.None);

        Assert.Equal(88, info.FrameCount);
        Assert.Equal(2 * garbage.Length, info.SkippedBytes);
        Assert.True(info.HasId3v1);
    }

    [Fact]
    public async Task MeasureAsync_NoFrames_ThrowsInvalidData()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => Mp3Info.MeasureAsync(new MemoryStream(new byte[5000]), CancellationToken.None));
    }
}
