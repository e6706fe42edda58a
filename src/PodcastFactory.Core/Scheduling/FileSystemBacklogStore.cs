using PodcastFactory.Core.Models;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace PodcastFactory.Core.Scheduling;

/// <summary>
/// The backlog as a JSON file. The ETag is a hash of the file's bytes. A conditional write holds a process-wide
/// lock and an exclusive lock file (so another process, e.g. <c>podcast serve</c> next to <c>podcast schedule</c>,
/// waits too), compares the ETag, then writes a temporary file and renames it over the backlog.
/// </summary>
public sealed class FileSystemBacklogStore : IBacklogStore
{
    static readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    readonly string _path;

    /// <summary>Creates the store for the backlog file at <paramref name="path"/>.</summary>
    public FileSystemBacklogStore(string path)
    {
        _path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public string Location => _path;

    /// <inheritdoc />
    public async Task<BacklogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(_path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new BacklogSnapshot(Backlog.Empty, null);
        }

        return new BacklogSnapshot(Parse(bytes, _path), ETagOf(bytes));
    }

    /// <inheritdoc />
    public async Task<string?> TryWriteAsync(Backlog backlog, string? ifMatchETag, CancellationToken cancellationToken)
    {
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

            byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(backlog, PodcastJson.Options);
            string temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
                File.Move(temp, _path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }

            return ETagOf(bytes);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Parses backlog JSON; throws <see cref="InvalidDataException"/> naming the location when it is not valid.</summary>
    public static Backlog Parse(ReadOnlySpan<byte> json, string location)
    {
        try
        {
            return JsonSerializer.Deserialize<Backlog>(json, PodcastJson.Options) ?? Backlog.Empty;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The backlog at {location} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The ETag of stored bytes: a quoted SHA-256 prefix.</summary>
    public static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";

    async Task<FileStream> AcquireLockFileAsync(CancellationToken cancellationToken)
    {
        string lockPath = _path + ".lock";
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }
}
