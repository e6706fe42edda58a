using System.Diagnostics;
using System.Text.Json;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Audio.Tagging;
using PodcastFactory.Core.Tests.Audio.Tagging;

namespace PodcastFactory.IntegrationTests.Publishing;

public sealed class Mp3TaggingTests
{
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

            await File.WriteAllBytesAsync(tagged, [.. Id3v2Tag.Build(Id3v2TagTests.Metadata), .. await File.ReadAllBytesAsync(mp3)]);

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
