using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;

namespace PodcastFactory.Core.Tests.Artifacts.Series;

/// <summary>The bible contract on the file system, plus what only files have: where the file is, and a damaged file.</summary>
public sealed class FileSystemShowBibleStoreContractTests : ShowBibleStoreContractTests
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-bible-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<IShowBibleStore> CreateStoreAsync() => Task.FromResult<IShowBibleStore>(new FileSystemShowBibleStore(_root));

    protected override Task CleanUpAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task AppendAsync_FirstEntry_WritesTheBibleBesideTheEpisodesAndNoLockFileStays()
    {
        await Store.AppendAsync(Show, Entry("ep-a"), CancellationToken.None);

        string path = Path.Combine(_root, ArtifactNames.ShowBible(Show));
        Assert.True(File.Exists(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task ReadAsync_DamagedFile_SaysWhichFileIsNotValidJson()
    {
        string path = Path.Combine(_root, ArtifactNames.ShowBible(Show));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "{ not json");

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadAsync(Show, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
