using PodcastFactory.Core.Models;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// Artifacts as files under a root folder. Each write goes to a temporary file in the same folder and is then
/// renamed over the target, so a reader (or a crash) never sees half an artifact. The producing input hash and
/// content type live in a hidden sidecar file (<c>.name.meta</c>) written after the data: a crash between the
/// two leaves a stale hash, which only causes a recompute, never a wrong skip. An artifact with no hash and the content
/// type its name implies (the cost journal, most JSON) has no sidecar: half the file operations of a write.
/// </summary>
public sealed class FileSystemArtifactStore : IArtifactStore
{
    const string MetaSuffix = ".meta";
    readonly string _root;

    /// <summary>Creates a store rooted at <paramref name="rootPath"/> (created if missing).</summary>
    public FileSystemArtifactStore(string rootPath)
    {
        _root = Path.GetFullPath(rootPath);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public string Location => _root;

    /// <inheritdoc />
    public async Task<ArtifactInfo> WriteAsync(string name, Stream content, string contentType, string? inputHash, CancellationToken cancellationToken)
    {
        string path = PathOf(name);
        bool needsMeta = NeedsMeta(name, contentType, inputHash);
        if (!needsMeta)
        {
            // A sidecar left by an earlier write would lend its hash to the new content: it goes first.
            DeleteIfPresent(MetaPathOf(path));
        }

        await WriteAtomicallyAsync(path, s => content.CopyToAsync(s, 81920, cancellationToken), cancellationToken);
        if (needsMeta)
        {
            await WriteMetaAsync(path, contentType, inputHash, cancellationToken);
        }

        var file = new FileInfo(path);
        return new ArtifactInfo(name, file.Length, contentType, inputHash, file.LastWriteTimeUtc);
    }

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        string path = PathOf(name);
        string temp = TempPathOf(path);
        try
        {
            await using (FileStream stream = CreateNew(temp))
            {
                await content.CopyToAsync(stream, 81920, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            if (!ExclusiveLink.TryPublish(temp, path))
            {
                return false;
            }
        }
        finally
        {
            DeleteIfPresent(temp);
        }

        if (NeedsMeta(name, contentType, inputHash: null))
        {
            await WriteMetaAsync(path, contentType, null, cancellationToken);
        }

        return true;
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        string path = PathOf(name);
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArtifactNotFoundException(name);
        }
    }

    /// <inheritdoc />
    public async Task<ArtifactInfo?> GetInfoAsync(string name, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(name));
        if (!file.Exists)
        {
            return null;
        }

        Meta? meta = await ReadMetaAsync(MetaPathOf(file.FullName), cancellationToken);
        return new ArtifactInfo(name, file.Length, meta?.ContentType ?? ContentTypes.ForName(name), meta?.InputHash, file.LastWriteTimeUtc);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only the folder the prefix names is enumerated: listing the whole root made every paid step's journal read
        // grow with the number of episodes in the store (64 concurrent episodes: thousands of files per step).
        string? folder = FolderOf(prefix);
        if (folder is null || !Directory.Exists(folder))
        {
            yield break;
        }

        IEnumerable<string> names = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .Select(p => Path.GetRelativePath(_root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (await GetInfoAsync(name, cancellationToken) is { } info)
            {
                yield return info;
            }
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        string path = PathOf(name);
        File.Delete(path);
        File.Delete(MetaPathOf(path));
        return Task.CompletedTask;
    }

    string PathOf(string name)
    {
        if (!ArtifactNames.IsSafe(name))
        {
            throw new ArgumentException($"'{name}' is not a valid artifact name.", nameof(name));
        }

        return Path.Combine(_root, name.Replace('/', Path.DirectorySeparatorChar));
    }

    // The deepest folder every name with this prefix lives under (the root for a prefix without '/'), or null when the
    // prefix cannot name an artifact.
    string? FolderOf(string prefix)
    {
        int slash = prefix.LastIndexOf('/');
        if (slash <= 0)
        {
            return slash == 0 ? null : _root;
        }

        string folder = prefix[..slash];
        return ArtifactNames.IsSafe(folder) ? Path.Combine(_root, folder.Replace('/', Path.DirectorySeparatorChar)) : null;
    }

    static string MetaPathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + MetaSuffix);

    static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Its folder was never made: there is nothing to delete.
        }
    }

    static bool NeedsMeta(string name, string contentType, string? inputHash) =>
        inputHash is not null || !string.Equals(contentType, ContentTypes.ForName(name), StringComparison.Ordinal);

    static Task WriteMetaAsync(string path, string contentType, string? inputHash, CancellationToken cancellationToken)
    {
        var meta = new Meta(contentType, inputHash);
        return WriteAtomicallyAsync(MetaPathOf(path), s => JsonSerializer.SerializeAsync(s, meta, PodcastJson.Compact, cancellationToken), cancellationToken);
    }

    static string TempPathOf(string path) => Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    // The folder is created only when the first try finds it missing: a mkdir per write was a measurable share of a
    // journal write's cost. A missing folder can surface as FileNotFoundException too: .NET looks at the folder after
    // the failed open, and a concurrent writer may have made it by then. A new temp name is never "not found" otherwise.
    static FileStream CreateNew(string temp)
    {
        try
        {
            return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
    }

    static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        string temp = TempPathOf(path);
        try
        {
            await using (FileStream stream = CreateNew(temp))
            {
                await write(stream);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            DeleteIfPresent(temp);
        }
    }

    static async Task<Meta?> ReadMetaAsync(string metaPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(metaPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            return await JsonSerializer.DeserializeAsync<Meta>(stream, PodcastJson.Compact, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    sealed record Meta(string ContentType, string? InputHash);
}
