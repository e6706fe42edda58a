using System.Text.Json;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Scheduling;

/// <summary>
/// The backlog as a JSON file, rewritten through a <see cref="ConditionalFile"/>: the ETag is a hash of the file's
/// bytes, and a conditional write holds a process-wide lock and a lock file (so another process, e.g.
/// <c>podcast serve</c> next to <c>podcast schedule</c>, waits too), then renames a temporary file over the backlog.
/// </summary>
public sealed class FileSystemBacklogStore : IBacklogStore
{
    readonly ConditionalFile _file;

    /// <summary>Creates the store for the backlog file at <paramref name="path"/>.</summary>
    public FileSystemBacklogStore(string path)
    {
        _file = new ConditionalFile(path, Path.GetFullPath(path) + ".lock", lockAttempts: 200);
    }

    /// <inheritdoc />
    public string Location => _file.Path;

    /// <inheritdoc />
    public async Task<BacklogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        (byte[]? bytes, string? etag) = await _file.ReadAsync(cancellationToken);
        return bytes is null ? new BacklogSnapshot(Backlog.Empty, null) : new BacklogSnapshot(Parse(bytes, _file.Path), etag);
    }

    /// <inheritdoc />
    public Task<string?> TryWriteAsync(Backlog backlog, string? ifMatchETag, CancellationToken cancellationToken) =>
        _file.TryReplaceAsync(JsonSerializer.SerializeToUtf8Bytes(backlog, PodcastJson.Options), ifMatchETag, cancellationToken);

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
}
