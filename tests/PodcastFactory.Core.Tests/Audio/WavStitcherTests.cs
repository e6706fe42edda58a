using System.Buffers.Binary;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio;

public sealed class WavStitcherTests
{
    static readonly WavFormat _format = new(24000, 1, 16);

    static StitchInput[] ThreeSines(bool seekable = true) =>
    [
        TestAudio.Input("segment-001.wav", TestAudio.SineWav(_format, 24000, 440), 350, seekable),
        TestAudio.Input("segment-002.wav", TestAudio.SineWav(_format, 12000, 550), 120, seekable),
        TestAudio.Input("segment-003.wav", TestAudio.SineWav(_format, 6000, 660), 0, seekable),
    ];

    [Fact]
    public async Task StitchAsync_ThreeSineWaves_WritesValidHeaderWithSumOfDataAndPauses()
    {
        using var output = new MemoryStream();

        StitchResult result = await new WavStitcher().StitchAsync(ThreeSines(), output, CancellationToken.None);

        output.Position = 0;
        WavHeader header = await WavHeader.ReadAsync(output, CancellationToken.None);
        long expectedData = (24000 + 12000 + 6000) * 2 + (8400 + 2880) * 2; // samples + 350 ms + 120 ms at 24 kHz
        Assert.Equal(_format, header.Format);
        Assert.Equal(expectedData, header.DataLength);
        Assert.Equal(36 + expectedData, BinaryPrimitives.ReadUInt32LittleEndian(output.GetBuffer().AsSpan(4)));
        Assert.Equal(44 + expectedData, output.Length);
        Assert.Equal(new StitchResult("wav", 44 + expectedData, TimeSpan.FromMilliseconds(2220), 3, expectedData / 2), result);
    }

    [Fact]
    public async Task StitchAsync_Pause_IsSilenceBetweenSegments()
    {
        using var output = new MemoryStream();

        await new WavStitcher().StitchAsync(ThreeSines(), output, CancellationToken.None);

        byte[] bytes = output.ToArray();
        int pauseStart = 44 + 24000 * 2;
        Assert.All(bytes[pauseStart..(pauseStart + 8400 * 2)], b => Assert.Equal(0, b));
        Assert.Equal(TestAudio.SinePcm(_format, 12000, 550), bytes[(pauseStart + 8400 * 2)..(pauseStart + 8400 * 2 + 24000)]);
    }

    [Fact]
    public async Task StitchAsync_NonSeekableOutputAndInputs_SameBytesAsSeekable()
    {
        using var seekable = new MemoryStream();
        var pipe = new NonSeekableStream();

        await new WavStitcher().StitchAsync(ThreeSines(), seekable, CancellationToken.None);
        StitchResult result = await new WavStitcher().StitchAsync(ThreeSines(seekable: false), pipe, CancellationToken.None);

        Assert.Equal(seekable.ToArray(), pipe.Written);
        Assert.Equal(seekable.Length, result.TotalBytes);
    }

    [Fact]
    public async Task StitchAsync_PipeStyleInputsIntoNonSeekableOutput_CountsRealDataLength()
    {
        byte[] espeakStyle = TestAudio.SineWav(_format, 4800);
        BinaryPrimitives.WriteUInt32LittleEndian(espeakStyle.AsSpan(4), 0x7FFFF024);
        BinaryPrimitives.WriteUInt32LittleEndian(espeakStyle.AsSpan(40), 0x7FFFF000);
        var pipe = new NonSeekableStream();

        StitchResult result = await new WavStitcher().StitchAsync(
            [TestAudio.Input("a", espeakStyle, 100, seekable: false), TestAudio.Input("b", espeakStyle, 0, seekable: false)], pipe, CancellationToken.None);

        WavHeader header = await WavHeader.ReadAsync(new MemoryStream(pipe.Written), CancellationToken.None);
        Assert.Equal((4800 * 2 + 2400) * 2, header.DataLength);
        Assert.Equal(TimeSpan.FromSeconds(0.5), result.Duration);
    }

    [Fact]
    public async Task StitchAsync_FormatMismatch_ThrowsNamingSegmentAndBothFormats()
    {
        StitchInput[] inputs =
        [
            TestAudio.Input("segment-001.wav", TestAudio.SineWav(_format, 100)),
            TestAudio.Input("segment-002.wav", TestAudio.SineWav(new WavFormat(22050, 1, 16), 100)),
        ];

        var error = await Assert.ThrowsAsync<AudioFormatMismatchException>(
            () => new WavStitcher().StitchAsync(inputs, new MemoryStream(), CancellationToken.None));

        Assert.Equal(1, error.SegmentIndex);
        Assert.Contains("'segment-002.wav'", error.Message, StringComparison.Ordinal);
        Assert.Contains("22050 Hz, 1 ch, 16-bit", error.Message, StringComparison.Ordinal);
        Assert.Contains("24000 Hz, 1 ch, 16-bit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StitchAsync_EightBitPcm_PausesAreMidpointSilenceAndOddDataIsPadded()
    {
        var format = new WavFormat(8000, 1, 8);
        using var output = new MemoryStream();

        await new WavStitcher().StitchAsync([TestAudio.Input("a", TestAudio.SineWav(format, 799), 1)], output, CancellationToken.None);

        byte[] bytes = output.ToArray();
        Assert.Equal(44 + 807 + 1, bytes.Length);
        Assert.Equal(36u + 807 + 1, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.All(bytes[(44 + 799)..(44 + 807)], b => Assert.Equal(0x80, b));
    }
}
