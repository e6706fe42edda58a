using System.Buffers.Binary;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.Core.Tests.Providers.Speech;

public sealed class FliteVoicesTests
{
    [Theory]
    [InlineData("flite:../../etc/voice")]
    [InlineData("flite:http://example.com/v.flitevox")]
    [InlineData("rms")]
    public void Resolve_PathUrlOrMissingPrefix_Throws(string voice)
    {
        Assert.Throws<ArgumentException>(() => FliteVoices.Resolve(voice));
    }

    [Fact]
    public void EspeakFallback_DefaultHosts_KeepAMaleAndAFemaleVoice()
    {
        Assert.Equal(("en-us+m3", "en-us+f3"), (FliteVoices.EspeakFallback(FliteVoices.Male), FliteVoices.EspeakFallback(FliteVoices.Female)));
    }

    [Fact]
    public void OpenAIResolve_DefaultFliteHosts_MapToAMaleAndAFemaleVoice()
    {
        Assert.Equal(("ash", "coral"), (OpenAIVoices.Resolve(FliteVoices.Male), OpenAIVoices.Resolve(FliteVoices.Female)));
    }

    [Fact]
    public void Apply_SixDecibels_DoublesSamplesAndClipsAtFullScale()
    {
        byte[] wav = new byte[4 + 6];
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(4), 1000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(6), -1000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(8), 30000);

        PcmGain.Apply(wav, dataOffset: 4, decibels: 20 * Math.Log10(2));

        Assert.Equal([0, 0, 0, 0], wav[..4]);
        Assert.Equal((2000, -2000, short.MaxValue),
            (BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(4)), BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(6)), BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(8))));
    }
}
