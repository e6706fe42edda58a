using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Artifacts.Series;

/// <summary>
/// The episode's own copy of its show's bible (<see cref="ArtifactNames.SeriesSnapshot"/>), taken once when research
/// begins: the research, the merge, the writer, the show notes and the manifest all read this copy, so they agree on
/// which earlier episodes there were, and a retry or a replay sees the same ones however the bible has grown since.
/// </summary>
public static class SeriesSnapshot
{
    /// <summary>The earlier episodes the episode was made with, or null when it has no snapshot (not in a show).</summary>
    public static async Task<IReadOnlyList<BibleEpisode>?> ReadEarlierAsync(IArtifactStore store, string episodeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.ReadJsonIfExistsAsync<ShowBible>(ArtifactNames.SeriesSnapshot(episodeId), cancellationToken))?.Episodes;
    }

    /// <summary>
    /// Takes the snapshot of <paramref name="show"/>'s bible for <paramref name="episodeId"/> unless one exists (a re-run
    /// keeps the first), leaving the episode itself out; returns the snapshot as stored.
    /// </summary>
    public static async Task<ShowBible> TakeAsync(IArtifactStore store, IShowBibleStore bibles, string episodeId, string show, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(bibles);
        string name = ArtifactNames.SeriesSnapshot(episodeId);
        if (await store.ReadJsonIfExistsAsync<ShowBible>(name, cancellationToken) is { } taken)
        {
            return taken;
        }

        ShowBible bible = (await bibles.ReadAsync(show, cancellationToken)).Bible;
        ShowBible snapshot = bible with { Episodes = [.. bible.Episodes.Where(e => e.EpisodeId != episodeId)] };
        // Created only if absent: of two concurrent runs of the step, both end up with the one copy that won.
        return await store.TryCreateJsonAsync(name, snapshot, cancellationToken)
            ? snapshot
            : await store.ReadJsonAsync<ShowBible>(name, cancellationToken);
    }
}
