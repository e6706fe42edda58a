using System.Security.Cryptography;
using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.Core.Tests.Artifacts;

/// <summary>
/// The <see cref="IArtifactStore"/> contract, run against every implementation (file system, Blob Storage on
/// Azurite) by a derived class that supplies the store.
/// </summary>
public abstract class ArtifactStoreContractTests : IAsyncLifetime
{
    protected IArtifactStore Store { get; private set; } = null!;

    protected abstract Task<IArtifactStore> CreateStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => CleanUpAsync();

    [Fact]
    public async Task TryCreateAsync_TwentyConcurrentCallers_ExactlyOneCreatesAndItsContentStays()
    {
        bool[] created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"caller {i}"));
            return await Store.TryCreateAsync("ep-gate/request.json", content, ContentTypes.Json, CancellationToken.None);
        })));

        int winner = Assert.Single(Enumerable.Range(0, 20), i => created[i]);
        Assert.Equal($"caller {winner}", await Store.ReadTextAsync("ep-gate/request.json", CancellationToken.None));
    }

    [Fact]
    public async Task TryCreateAsync_ArtifactExists_ReturnsFalseAndKeepsContent()
    {
        await Store.WriteTextAsync("ep-gate/taken.json", "first", null, CancellationToken.None);
        using var content = new MemoryStream("second"u8.ToArray());

        Assert.False(await Store.TryCreateAsync("ep-gate/taken.json", content, ContentTypes.Json, CancellationToken.None));
        Assert.Equal("first", await Store.ReadTextAsync("ep-gate/taken.json", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_NewArtifact_ReadsBackTheSameBytes()
    {
        await Store.WriteTextAsync("ep-1/research.md", "# Notes\nline two", "hash-1", CancellationToken.None);

        Assert.Equal("# Notes\nline two", await Store.ReadTextAsync("ep-1/research.md", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ExistingArtifact_ReplacesContentAndHash()
    {
        await Store.WriteTextAsync("ep-1/script.md", "first version, longer", "hash-1", CancellationToken.None);

        ArtifactInfo info = await Store.WriteTextAsync("ep-1/script.md", "second", "hash-2", CancellationToken.None);

        Assert.Equal("second", await Store.ReadTextAsync("ep-1/script.md", CancellationToken.None));
        Assert.Equal(6, info.Length);
        Assert.Equal("hash-2", (await Store.GetInfoAsync("ep-1/script.md", CancellationToken.None))!.InputHash);
    }

    [Theory]
    [InlineData("ep-1/episode.wav", ContentTypes.Wav)]
    [InlineData("ep-1/episode.mp3", ContentTypes.Mp3)]
    [InlineData("ep-1/social.md", ContentTypes.Markdown)]
    [InlineData("ep-1/manifest.json", ContentTypes.Json)]
    public async Task GetInfoAsync_WrittenArtifact_ReturnsLengthContentTypeAndInputHash(string name, string contentType)
    {
        using var content = new MemoryStream(new byte[1234]);
        await Store.WriteAsync(name, content, contentType, "abc123", CancellationToken.None);

        ArtifactInfo? info = await Store.GetInfoAsync(name, CancellationToken.None);

        Assert.NotNull(info);
        Assert.Equal(name, info.Name);
        Assert.Equal(1234, info.Length);
        Assert.Equal(contentType, info.ContentType);
        Assert.Equal("abc123", info.InputHash);
        Assert.True(info.LastModified > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task GetInfoAsync_WrittenWithoutHash_HasNoInputHash()
    {
        await Store.WriteTextAsync("ep-1/manifest.json", "{}", inputHash: null, CancellationToken.None);

        Assert.Null((await Store.GetInfoAsync("ep-1/manifest.json", CancellationToken.None))!.InputHash);
    }

    [Fact]
    public async Task IsUpToDateAsync_SameAndOtherHash_TrueOnlyForTheStoredHash()
    {
        await Store.WriteTextAsync("ep-1/research/angle-1.md", "notes", "hash-a", CancellationToken.None);

        Assert.True(await Store.IsUpToDateAsync("ep-1/research/angle-1.md", "hash-a", CancellationToken.None));
        Assert.False(await Store.IsUpToDateAsync("ep-1/research/angle-1.md", "hash-b", CancellationToken.None));
        Assert.False(await Store.IsUpToDateAsync("ep-1/research/angle-2.md", "hash-a", CancellationToken.None));
    }

    [Fact]
    public async Task GetInfoAsync_MissingArtifact_ReturnsNull()
    {
        Assert.Null(await Store.GetInfoAsync("ep-1/nothing.md", CancellationToken.None));
    }

    [Fact]
    public async Task OpenReadAsync_MissingArtifact_ThrowsArtifactNotFound()
    {
        var ex = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => Store.OpenReadAsync("ep-9/script.json", CancellationToken.None));

        Assert.Equal("ep-9/script.json", ex.Name);
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsOnlyThatEpisodeOrderedByName()
    {
        foreach (string name in new[] { "ep-2/social.md", "ep-1/script.md", "ep-1/audio/segment-002.wav", "ep-10/script.md", "ep-1/audio/segment-001.wav", "ep-1/research.md" })
        {
            await Store.WriteTextAsync(name, name, "h", CancellationToken.None);
        }

        var names = new List<string>();
        await foreach (ArtifactInfo info in Store.ListAsync("ep-1/", CancellationToken.None))
        {
            names.Add(info.Name);
            Assert.Equal("h", info.InputHash);
        }

        Assert.Equal(["ep-1/audio/segment-001.wav", "ep-1/audio/segment-002.wav", "ep-1/research.md", "ep-1/script.md"], names);
    }

    [Fact]
    public async Task ListAsync_PrefixEndingInsideAName_ReturnsOnlyNamesStartingWithIt()
    {
        foreach (string name in new[] { "ep-1/start/claim-1.json", "ep-1/start/claim-2.json", "ep-1/start/request.json", "ep-1/started.json", "ep-1/start" + "x/claim-3.json" })
        {
            await Store.WriteTextAsync(name, name, null, CancellationToken.None);
        }

        var names = new List<string>();
        await foreach (ArtifactInfo info in Store.ListAsync("ep-1/start/claim-", CancellationToken.None))
        {
            names.Add(info.Name);
        }

        Assert.Equal(["ep-1/start/claim-1.json", "ep-1/start/claim-2.json"], names);
    }

    [Fact]
    public async Task ListAsync_PrefixOfNoArtifact_ReturnsNothing()
    {
        await Store.WriteTextAsync("ep-1/script.md", "s", null, CancellationToken.None);

        var names = new List<string>();
        await foreach (ArtifactInfo info in Store.ListAsync("ep-2/ledger/", CancellationToken.None))
        {
            names.Add(info.Name);
        }

        Assert.Empty(names);
    }

    [Fact]
    public async Task WriteAsync_WithoutHashAfterAWriteWithHash_ForgetsTheOldHash()
    {
        await Store.WriteTextAsync("ep-1/notes.json", "{}", "hash-1", CancellationToken.None);

        await Store.WriteTextAsync("ep-1/notes.json", "[]", null, CancellationToken.None);

        ArtifactInfo? info = await Store.GetInfoAsync("ep-1/notes.json", CancellationToken.None);
        Assert.Null(info!.InputHash);
        Assert.False(await Store.IsUpToDateAsync("ep-1/notes.json", "hash-1", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ManyWritersIntoANewFolderAtOnce_EveryWriteLands()
    {
        // Each round is a folder no one has written to yet, so the writers race to find it missing and make it.
        for (int round = 0; round < 20; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
                Store.WriteTextAsync($"ep-race/r{round}/part-{i}.md", $"part {i}", null, CancellationToken.None))));
        }

        for (int round = 0; round < 20; round++)
        {
            Assert.Equal("part 7", await Store.ReadTextAsync($"ep-race/r{round}/part-7.md", CancellationToken.None));
        }
    }

    [Fact]
    public async Task DeleteAsync_ExistingArtifact_RemovesIt()
    {
        await Store.WriteTextAsync("ep-1/social.md", "post", "h", CancellationToken.None);

        await Store.DeleteAsync("ep-1/social.md", CancellationToken.None);

        Assert.Null(await Store.GetInfoAsync("ep-1/social.md", CancellationToken.None));
        await Store.DeleteAsync("ep-1/social.md", CancellationToken.None); // deleting again is not an error
    }

    [Theory]
    [InlineData("../escape.md")]
    [InlineData("/rooted.md")]
    [InlineData("ep-1//double.md")]
    [InlineData("ep-1/with space.md")]
    [InlineData("ep-1/./dot.md")]
    public async Task WriteAsync_UnsafeName_IsRejected(string name)
    {
        using var content = new MemoryStream([1]);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(name, content, ContentTypes.Binary, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_LargeNonSeekableStream_RoundTripsByStreaming()
    {
        const long size = 20L * 1024 * 1024;
        var source = new GeneratedStream(size);

        ArtifactInfo info = await Store.WriteAsync("ep-big/episode.wav", source, ContentTypes.Wav, "big", CancellationToken.None);

        Assert.Equal(size, info.Length);
        Assert.True(source.LargestRead < size, "the store asked for the whole stream in one read");
        await using Stream read = await Store.OpenReadAsync("ep-big/episode.wav", CancellationToken.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await read.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            total += n;
        }

        Assert.Equal(size, total);
        Assert.Equal(Convert.ToHexString(source.Hash), Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>A forward-only stream of deterministic pseudo-random bytes that hashes what it hands out.</summary>
    sealed class GeneratedStream(long length) : Stream
    {
        readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long _position;
        uint _state = 2463534242;

        public int LargestRead { get; private set; }

        public byte[] Hash => _hash.GetCurrentHash();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 17;
                _state ^= _state << 5;
                buffer[offset + i] = (byte)_state;
            }

            _hash.AppendData(buffer, offset, n);
            _position += n;
            LargestRead = Math.Max(LargestRead, count);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
