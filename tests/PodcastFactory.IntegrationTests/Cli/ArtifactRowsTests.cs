using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>Fast: the summary's artifact table folds speech and large folders into counts.</summary>
public sealed class ArtifactRowsTests
{
    const string Id = "ep";

    static ManifestArtifact File(string name, long bytes = 10) => new($"{Id}/{name}", bytes, "application/octet-stream");

    [Fact]
    public void For_EpisodeWithSixtySpeechFiles_FoldsThemIntoOneRowWithTheCountAndTheirBytes()
    {
        List<ManifestArtifact> artifacts =
        [
            File("script.md"),
            .. Enumerable.Range(0, 60).Select(i => File($"speech/{i:x64}.wav", 1000)),
            File("episode.mp3", 5000),
        ];

        IReadOnlyList<ArtifactRow> rows = ArtifactRows.For(Id, artifacts);

        Assert.Equal([new ArtifactRow("script.md", 10), new ArtifactRow("episode.mp3", 5000), new ArtifactRow("speech/ (60 files)", 60_000)], rows);
    }

    [Fact]
    public void For_SmallFoldersAndALargeOne_ListsTheSmallFilesAndCountsTheLarge()
    {
        List<ManifestArtifact> artifacts =
        [
            File("reviews/review-1.json"), File("reviews/review-2.json"),
            .. Enumerable.Range(1, 3).SelectMany(i => new[] { File($"research/angle-{i}.md"), File($"research/angle-{i}.json") }),
            File("speech/abc.wav"),
        ];

        IReadOnlyList<ArtifactRow> rows = ArtifactRows.For(Id, artifacts);

        Assert.Equal(["reviews/review-1.json", "reviews/review-2.json", "research/ (6 files)", "speech/ (1 file)"], rows.Select(r => r.Name));
    }
}
