using System.Buffers.Binary;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio;

public sealed class WavHeaderTests
{
    static readonly WavFormat _mono16k = new(16000, 1, 16);

    [Fact]
    public async Task ReadAsync_CanonicalHeader_ReturnsFormatAndDataPosition()
    {
        byte[] wav = TestAudio.SineWav(_mono16k, 1600);
        using var stream = new MemoryStream(wav);

        WavHeader header = await WavHeader.ReadAsync(stream, CancellationToken.None);

        Assert.Equal(_mono16k, header.Format);
        Assert.Equal(44, header.DataOffset);
        Assert.Equal(3200, header.DataLength);
        Assert.Equal(44, stream.Position);
    }

    [Fact]
    public async Task ReadAsync_PipeStyleUnknownSizes_DataRunsToEndOfStream()
    {
        byte[] wav = WithSizes(TestAudio.SineWav(_mono16k, 800), riff: uint.MaxValue, data: uint.MaxValue);
        var pipe = new NonSeekableStream(wav);

        WavHeader header = await WavHeader.ReadAsync(pipe, CancellationToken.None);
        long data = await CountRemainingAsync(pipe);

        Assert.Null(header.DataLength);
        Assert.Equal(1600, data);
    }

    [Fact]
    public async Task ReadAsync_EspeakPlaceholderSizeOnSeekableStream_ClampsToStreamEnd()
    {
        // espeak-ng --stdout writes RIFF 0x7FFFF024 and data 0x7FFFF000 and never patches them.
        byte[] wav = WithSizes(TestAudio.SineWav(_mono16k, 800), riff: 0x7FFFF024, data: 0x7FFFF000);

        WavHeader header = await WavHeader.ReadAsync(new MemoryStream(wav), CancellationToken.None);

        Assert.Equal(1600, header.DataLength);
    }

    [Fact]
    public async Task ReadAsync_ExtraChunksWithOddSizes_SkipsPaddingAndFindsData()
    {
        byte[] canonical = TestAudio.SineWav(_mono16k, 10);
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0];
        byte[] wav = [.. canonical.AsSpan(0, 12), .. list, .. canonical.AsSpan(12)];

        WavHeader header = await WavHeader.ReadAsync(new NonSeekableStream(wav), CancellationToken.None);

        Assert.Equal(_mono16k, header.Format);
        Assert.Equal(44 + list.Length, header.DataOffset);
        Assert.Equal(20, header.DataLength);
    }

    [Fact]
    public async Task ReadAsync_FloatFormat_ThrowsSayingNotPcm()
    {
        byte[] wav = TestAudio.SineWav(_mono16k, 10);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 3);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => WavHeader.ReadAsync(new MemoryStream(wav), CancellationToken.None));

        Assert.Contains("not PCM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotRiff_ThrowsInvalidData()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => WavHeader.ReadAsync(new MemoryStream(new byte[64]), CancellationToken.None));
    }

    [Fact]
    public void FromDataLength_OneSecondOfStereo16Bit_IsOneSecond()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), WavDuration.FromDataLength(44100 * 4, new WavFormat(44100, 2, 16)));
    }

    static byte[] WithSizes(byte[] wav, uint riff, uint data)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), riff);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), data);
        return wav;
    }

    static async Task<long> CountRemainingAsync(Stream stream)
    {
        byte[] buffer = new byte[4096];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
