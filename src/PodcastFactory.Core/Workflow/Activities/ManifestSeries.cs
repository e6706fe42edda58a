using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>An earlier episode the episode was made with.</summary>
/// <param name="Number">Its number in the show.</param>
/// <param name="EpisodeId">Its episode id.</param>
/// <param name="Title">Its title.</param>
public sealed record ManifestEarlierEpisode(int Number, string EpisodeId, string Title);

/// <summary>
/// The manifest's series-memory section: which earlier episodes of the show the episode considered (its snapshot of the
/// bible), which of them the script refers back to, and the number it was recorded under (once recorded).
/// </summary>
/// <param name="Show">The show's id.</param>
/// <param name="Considered">The earlier episodes in the episode's snapshot of the bible, oldest first.</param>
/// <param name="ReferredTo">The numbers of those the final script names ("episode 2").</param>
/// <param name="RecordedAs">The episode's own number in the show, or null until it is recorded.</param>
public sealed record ManifestSeries(string Show, IReadOnlyList<ManifestEarlierEpisode> Considered, IReadOnlyList<int> ReferredTo, int? RecordedAs)
{
    /// <summary>The section for <paramref name="episodeId"/>, from its snapshot and entry; null for an episode outside a show.</summary>
    public static async Task<ManifestSeries?> ReadAsync(IArtifactStore store, string episodeId, string? show, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (show is null)
        {
            return null;
        }

        IReadOnlyList<BibleEpisode> earlier = await SeriesSnapshot.ReadEarlierAsync(store, episodeId, cancellationToken) ?? [];
        Script? script = await store.ReadJsonIfExistsAsync<Script>(ArtifactNames.Script(episodeId), cancellationToken);
        BibleEpisode? entry = await store.ReadJsonIfExistsAsync<BibleEpisode>(ArtifactNames.SeriesEntry(episodeId), cancellationToken);
        return new ManifestSeries(
            show,
            [.. earlier.Select(e => new ManifestEarlierEpisode(e.Number, e.EpisodeId, e.Title))],
            script is null ? [] : [.. SeriesReferences.In(script, earlier).Select(e => e.Number)],
            entry?.Number);
    }
}
