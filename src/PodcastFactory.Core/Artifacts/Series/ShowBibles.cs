using System.Text.Json;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Artifacts.Series;

/// <summary>The bible store's shared rules: which store goes with the artifacts, the one append, parsing and ids.</summary>
public static class ShowBibles
{
    /// <summary>Read-add-write rounds an append tries before giving up (each lost round means another episode's entry went in).</summary>
    public const int MaxAppendAttempts = 32;

    /// <summary>The bible store beside the configured artifacts: the same root folder, or the same container.</summary>
    public static IShowBibleStore Create(ArtifactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            ArtifactStoreKind.FileSystem => new FileSystemShowBibleStore(options.RootPath),
            ArtifactStoreKind.Blob => new BlobShowBibleStore(ArtifactStoreFactory.CreateContainerClient(options)),
            _ => throw new NotSupportedException($"Artifacts:Provider '{options.Provider}' has no show bible store."),
        };
    }

    /// <summary>
    /// Appends <paramref name="entry"/> to the bible of <paramref name="show"/> and returns it as stored (with its number).
    /// Idempotent: when the episode is already there (a replay, a re-run, a re-voice), nothing is written and the stored
    /// entry is returned. Optimistic: the write is conditional on the version read, and a lost race reads again, so two
    /// episodes finishing at once both end up in the bible.
    /// </summary>
    public static async Task<BibleEpisode> AppendAsync(this IShowBibleStore store, string show, BibleEpisode entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entry);
        for (int attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            BibleSnapshot current = await store.ReadAsync(show, cancellationToken);
            if (current.Bible.Find(entry.EpisodeId) is { } stored)
            {
                return stored;
            }

            ShowBible next = current.Bible.Append(entry);
            if (await store.TryWriteAsync(next, current.ETag, cancellationToken) is not null)
            {
                return next.Find(entry.EpisodeId)!;
            }

            // Another append won this round; a short random pause keeps two losers from colliding again in lock-step.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25 + (attempt * 10))), cancellationToken);
        }

        throw new InvalidOperationException($"The bible of show '{show}' at {store.Location} changed under {MaxAppendAttempts} appends in a row; the episode was not recorded.");
    }

    /// <summary>Parses bible JSON; throws <see cref="InvalidDataException"/> naming <paramref name="location"/> when it is not valid.</summary>
    public static ShowBible Parse(ReadOnlySpan<byte> json, string location)
    {
        try
        {
            return JsonSerializer.Deserialize<ShowBible>(json, PodcastJson.Options)
                ?? throw new InvalidDataException($"The show bible at {location} is empty JSON.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The show bible at {location} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary><paramref name="show"/> when it is a valid show id (<see cref="ShowValidator.IsId"/>); throws otherwise, so no id builds a path outside <c>_shows/</c>.</summary>
    public static string CheckedId(string show) =>
        ShowValidator.IsId(show) ? show : throw new NonRetryableException($"'{show}' is not a show id (lower-case letters, digits and hyphens, 2-48).");
}
