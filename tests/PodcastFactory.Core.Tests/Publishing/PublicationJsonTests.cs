using System.Text.Json;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Tests.Publishing;

/// <summary><c>publish.json</c> keeps the shape it had as a positional record: same names, same order, old files still read.</summary>
public sealed class PublicationJsonTests
{
    // The positional record's parameters, in order: what publish.json files already in stores hold.
    static readonly string[] _shape =
    [
        "inputLufs", "integratedLufs", "truePeakDbtp", "pcmIntegratedLufs", "pcmTruePeakDbtp", "masterPasses", "targetLufs",
        "maxTruePeakDbtp", "gainDb", "limiterDepthDb", "sampleRate", "durationSeconds", "mp3Bytes", "encoder", "cues", "chapters",
        "episodeNumber", "artifacts", "feed", "feedAttempts", "warning",
    ];

    [Fact]
    public void Serialize_EveryFieldSet_WritesThePositionalRecordsNamesInItsOrder()
    {
        var publication = new Publication
        {
            InputLufs = -21.5, IntegratedLufs = -16.1, TruePeakDbtp = -1.2, PcmIntegratedLufs = -16, PcmTruePeakDbtp = -1.1, MasterPasses = 2,
            TargetLufs = -16, MaxTruePeakDbtp = -1, GainDb = 5.4, LimiterDepthDb = 0.8, SampleRate = 16000, DurationSeconds = 61.5,
            Mp3Bytes = 492_000, Encoder = "ffmpeg libmp3lame", Cues = 14, Chapters = 3, EpisodeNumber = 7, Artifacts = ["ep/episode.mp3"],
            Feed = "feed.xml", FeedAttempts = 1, Warning = "missed by 0.6 LU",
        };

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(publication, PodcastJson.Options));

        Assert.Equal(_shape, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(publication, JsonSerializer.Deserialize<Publication>(json.RootElement.GetRawText(), PodcastJson.Options)! with { Artifacts = publication.Artifacts });
    }

    [Fact]
    public void Deserialize_FileWrittenBeforeLaterFieldsExisted_ReadsThemAsDefaults()
    {
        const string older = """{"inputLufs":-21.5,"integratedLufs":-16.1,"truePeakDbtp":-1.2,"durationSeconds":61.5,"mp3Bytes":492000,"encoder":"lame","cues":14,"chapters":3,"episodeNumber":7,"artifacts":["ep/episode.mp3"],"feed":"feed.xml"}""";

        Publication read = JsonSerializer.Deserialize<Publication>(older, PodcastJson.Options)!;

        Assert.Equal(-16.1, read.IntegratedLufs);
        Assert.Equal(0, read.MasterPasses);
        Assert.Null(read.Warning);
        Assert.Equal(["ep/episode.mp3"], read.Artifacts);
    }
}
