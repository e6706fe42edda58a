using PodcastFactory.Core.Audio.Tagging;

namespace PodcastFactory.Core.Tests.Audio.Tagging;

public sealed class Id3v2TagTests
{
    /// <summary>Shared with the ffprobe test in the integration tests.</summary>
    public static readonly Id3Metadata Metadata = new(
        "Crash recovery – über durable", "Test Show", "Alex & Sam", 7, new DateOnly(2026, 11, 30), "Produced with AI.",
        [new Id3Chapter("Intro", 0, 1500), new Id3Chapter("Replay", 1500, 3000)]);

    [Fact]
    public void Build_Metadata_WritesAnId3v24HeaderWithSyncsafeSize()
    {
        byte[] tag = Id3v2Tag.Build(Metadata);

        Assert.Equal("ID3"u8.ToArray(), tag[..3]);
        Assert.Equal((byte)4, tag[3]);
        int size = (tag[6] << 21) | (tag[7] << 14) | (tag[8] << 7) | tag[9];
        Assert.Equal(tag.Length - 10, size);
        Assert.All(tag[6..10], b => Assert.True(b < 0x80));
    }

    [Fact]
    public void Build_TooManyChapters_Throws()
    {
        var chapters = Enumerable.Range(0, 256).Select(i => new Id3Chapter("c", i, i + 1)).ToList();

        Assert.Throws<ArgumentException>(() => Id3v2Tag.Build(Metadata with { Chapters = chapters }));
    }
}
