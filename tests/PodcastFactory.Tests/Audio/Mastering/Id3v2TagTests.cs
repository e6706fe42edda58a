using System.Diagnostics;
using System.Text.Json;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Audio.Tagging;

namespace PodcastFactory.Tests.Audio.Mastering;

public sealed class Id3v2TagTests
{
    static readonly Id3Metadata _metadata = new(
        "Crash recovery – über durable", "Test Show", "Alex & Sam", 7, new DateOnly(2026, 11, 30), "Produced with AI.",
        [new Id3Chapter("Intro", 0, 1500), new Id3Chapter("Replay", 1500, 3000)]);

    [Fact]
    public void Build_Metadata_WritesAnId3v24HeaderWithSyncsafeSize()
    {
        byte[] tag = Id3v2Tag.Build(_metadata);

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

        Assert.Throws<ArgumentException>(() => Id3v2Tag.Build(_metadata with { Chapters = chapters }));
    }

    /// <remarks>Needs ffmpeg and ffprobe (the test command installs them) and fails without them.</remarks>
    [Fact]
    public async Task Build_InFrontOfAnEncodedMp3_FfprobeReadsTagsChaptersAndExactDuration()
    {
        string? ffmpeg = EncoderLocator.Find(null);
        Assert.True(ffmpeg is not null && ffmpeg.EndsWith("ffmpeg", StringComparison.Ordinal), "ffmpeg is not installed: apt-get install ffmpeg.");
        string folder = Path.Combine(Path.GetTempPath(), "pf-id3-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string mp3 = Path.Combine(folder, "raw.mp3"), tagged = Path.Combine(folder, "episode.mp3");
            var encoder = new ExternalMp3Encoder(ffmpeg, 64, TimeSpan.FromMinutes(1));
            await using (IPcmEncoding encoding = await encoder.StartAsync(22050, mp3, CancellationToken.None))
            {
                await encoding.Input.WriteAsync(new byte[22050 * 2 * 3]);
                await encoding.CompleteAsync(CancellationToken.None);
            }

            await File.WriteAllBytesAsync(tagged, [.. Id3v2Tag.Build(_metadata), .. await File.ReadAllBytesAsync(mp3)]);

            using JsonDocument probe = JsonDocument.Parse(Ffprobe(Path.Combine(Path.GetDirectoryName(ffmpeg)!, "ffprobe"), tagged));
            JsonElement tags = probe.RootElement.GetProperty("format").GetProperty("tags");
            Assert.Equal("Crash recovery – über durable", tags.GetProperty("title").GetString());
            Assert.Equal("Test Show", tags.GetProperty("album").GetString());
            Assert.Equal("7", tags.GetProperty("track").GetString());
            Assert.Equal("2026-11-30", tags.GetProperty("date").GetString());
            JsonElement chapters = probe.RootElement.GetProperty("chapters");
            Assert.Equal(["Intro", "Replay"], chapters.EnumerateArray().Select(c => c.GetProperty("tags").GetProperty("title").GetString()));
            Assert.Equal("1.500000", chapters[1].GetProperty("start_time").GetString());
            // The Xing/LAME header carries the frame count and encoder delay: the duration is exact, not estimated.
            Assert.InRange(double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 2.99, 3.11);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string Ffprobe(string path, string file)
    {
        var info = new ProcessStartInfo(File.Exists(path) ? path : "ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-v", "error", "-show_format", "-show_chapters", "-of", "json", file])
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
