using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// A file rewritten only if it still holds what the writer read (optimistic concurrency on the file system). The ETag
/// is a quoted SHA-256 prefix of the bytes. A conditional write holds a process-wide lock and an exclusive lock file
/// (so another process on the same folder waits too), compares the ETag, then writes a temporary file and renames it
/// over the file, so readers never see half of it. Used by the backlog and the feed.
/// </summary>
/// <param name="path">The file.</param>
/// <param name="lockPath">The lock file next to it (deleted on release).</param>
/// <param name="lockAttempts">How many times to try the lock file, 25 ms apart, before giving up.</param>
internal sealed class ConditionalFile(string path, string lockPath, int lockAttempts)
{
    static readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The bytes and their ETag, or (null, null) when the file does not exist.</summary>
    public async Task<(byte[]? Bytes, string? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes = await File.ReadAllBytesAsync(Path, cancellationToken);
            return (bytes, ETagOf(bytes));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }
    }

    /// <summary>Replaces the file with <paramref name="content"/> if its ETag is <paramref name="ifMatchETag"/> (null: it must not exist); returns the new ETag, or null on a mismatch.</summary>
    public async Task<string?> TryReplaceAsync(byte[] content, string? ifMatchETag, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _locks.GetOrAdd(Path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using FileStream lockFile = await AcquireLockFileAsync(cancellationToken);
            string? current = File.Exists(Path) ? ETagOf(await File.ReadAllBytesAsync(Path, cancellationToken)) : null;
            if (current != ifMatchETag)
            {
                return null;
            }

            string temp = $"{Path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await File.WriteAllBytesAsync(temp, content, cancellationToken);
                File.Move(temp, Path, overwrite: true);
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

    /// <summary>The ETag of stored bytes: a quoted SHA-256 prefix.</summary>
    public static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";

    async Task<FileStream> AcquireLockFileAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < lockAttempts)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }
}
