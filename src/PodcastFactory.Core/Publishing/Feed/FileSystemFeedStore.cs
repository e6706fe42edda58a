using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// <c>feed.xml</c> in the file store's root folder. The ETag is a hash of the bytes; a conditional write holds a
/// process-wide lock and an exclusive lock file (another process on the same folder waits too), compares the ETag,
/// then writes a temporary file and renames it over the feed, so readers never see half a feed.
/// </summary>
public sealed class FileSystemFeedStore(string rootPath) : IFeedStore
{
    /// <summary>The feed's name at the store root.</summary>
    public const string FileName = "feed.xml";

    static readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    readonly string _path = Path.Combine(Path.GetFullPath(rootPath), FileName);

    /// <inheritdoc />
    public string Location => _path;

    /// <inheritdoc />
    public async Task<FeedSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes = await File.ReadAllBytesAsync(_path, cancellationToken);
            return new FeedSnapshot(bytes, ETagOf(bytes));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FeedSnapshot(null, null);
        }
    }

    /// <inheritdoc />
    public async Task<string?> TryWriteAsync(byte[] content, string? ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        SemaphoreSlim gate = _locks.GetOrAdd(_path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using FileStream lockFile = await AcquireLockFileAsync(cancellationToken);
            string? current = File.Exists(_path) ? ETagOf(await File.ReadAllBytesAsync(_path, cancellationToken)) : null;
            if (current != ifMatchETag)
            {
                return null;
            }

            string temp = $"{_path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await File.WriteAllBytesAsync(temp, content, cancellationToken);
                File.Move(temp, _path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }

            return ETagOf(content);
        }
        finally
        {
            gate.Release();
        }
    }

    static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";

    async Task<FileStream> AcquireLockFileAsync(CancellationToken cancellationToken)
    {
        string lockPath = Path.Combine(Path.GetDirectoryName(_path)!, "." + FileName + ".lock");
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 400)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }
}
