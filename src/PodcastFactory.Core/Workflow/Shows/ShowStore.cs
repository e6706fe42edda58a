using System.Text.Json;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>A stored show and the ETag of the bytes it was read from (what If-Match compares).</summary>
public sealed record StoredShow(Show Show, string ETag);

/// <summary>
/// Shows in the artifact store, under <c>_shows/{id}/</c> (a folder no episode id can name, so nothing here is served
/// as an episode artifact): <c>show.json</c>, written only if unchanged since read (<see cref="ConditionalDocument"/>),
/// and the show's <c>feed.xml</c>. A deleted show keeps its document with <see cref="Show.DeletedAt"/> set (a tombstone),
/// so its id stays taken and its feed readable until it is purged.
/// </summary>
public sealed class ShowStore(IArtifactStore store)
{
    /// <summary>Most shows a store holds (deleted ones included until purged); listing reads each one.</summary>
    public const int MaxShows = 200;

    const string Root = "_shows/";

    /// <summary>The artifact name of a show's document.</summary>
    public static string DocumentName(string id) => $"{Root}{id}/show.json";

    /// <summary>The artifact name of a show's feed.</summary>
    public static string FeedName(string id) => $"{Root}{id}/feed.xml";

    /// <summary>The show (deleted or not), or null when there is none with this id (or the id is malformed).</summary>
    public async Task<StoredShow?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ShowValidator.IsId(id))
        {
            return null;
        }

        DocumentSnapshot snapshot = await ConditionalDocument.Open(store, DocumentName(id!)).ReadAsync(cancellationToken);
        return snapshot.Content is null ? null : new StoredShow(Parse(snapshot.Content, id!), snapshot.ETag!);
    }

    /// <summary>Creates a show whose id is free; null when a show (deleted or not) already has it.</summary>
    public Task<StoredShow?> CreateAsync(Show show, CancellationToken cancellationToken) => WriteAsync(show, ifMatchETag: null, cancellationToken);

    /// <summary>Replaces a show only if it still has <paramref name="ifMatchETag"/>; null when it changed since.</summary>
    public Task<StoredShow?> ReplaceAsync(Show show, string ifMatchETag, CancellationToken cancellationToken) => WriteAsync(show, ifMatchETag, cancellationToken);

    /// <summary>The ids of every stored show (deleted ones included), at most <see cref="MaxShows"/>, by id.</summary>
    public async Task<List<string>> IdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (ArtifactInfo info in store.ListAsync(Root, cancellationToken))
        {
            if (info.Name.EndsWith("/show.json", StringComparison.Ordinal) && info.Name.Split('/') is [_, string id, _] && ShowValidator.IsId(id))
            {
                ids.Add(id);
                if (ids.Count == MaxShows)
                {
                    break;
                }
            }
        }

        return ids;
    }

    /// <summary>Every stored show, by id (deleted ones only when <paramref name="withDeleted"/>).</summary>
    public async Task<List<StoredShow>> ListAsync(bool withDeleted, CancellationToken cancellationToken)
    {
        var shows = new List<StoredShow>();
        foreach (string id in await IdsAsync(cancellationToken))
        {
            if (await FindAsync(id, cancellationToken) is { } found && (withDeleted || found.Show.DeletedAt is null))
            {
                shows.Add(found);
            }
        }

        return shows;
    }

    /// <summary>Removes everything of a show (document, feed, artwork): its id is free again. Episodes stay where they are.</summary>
    public async Task PurgeAsync(string id, CancellationToken cancellationToken)
    {
        if (!ShowValidator.IsId(id))
        {
            return;
        }

        var names = new List<string>();
        await foreach (ArtifactInfo info in store.ListAsync($"{Root}{id}/", cancellationToken))
        {
            names.Add(info.Name);
        }

        // The document goes last: until it is gone the show still answers (as deleted), never half purged.
        foreach (string name in names.OrderBy(n => n == DocumentName(id)))
        {
            await store.DeleteAsync(name, cancellationToken);
        }
    }

    async Task<StoredShow?> WriteAsync(Show show, string? ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(show);
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(show, PodcastJson.Options);
        string? etag = await ConditionalDocument.Open(store, DocumentName(show.Id)).TryWriteAsync(bytes, ContentTypes.Json, ifMatchETag, cancellationToken);
        return etag is null ? null : new StoredShow(show, etag);
    }

    static Show Parse(byte[] bytes, string id)
    {
        try
        {
            return JsonSerializer.Deserialize<Show>(bytes, PodcastJson.Options) ?? throw new InvalidDataException($"Show '{id}' is stored as null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The stored show '{id}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
