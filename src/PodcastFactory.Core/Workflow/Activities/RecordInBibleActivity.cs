using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="RecordInBibleActivity"/>.</summary>
/// <param name="EpisodeId">The episode to record.</param>
/// <param name="Show">Its show's id.</param>
/// <param name="ScriptArtifact">The final script (its cited claims are what the episode covered).</param>
/// <param name="ResearchArtifact">The merged research (the claims' text).</param>
/// <param name="Published">True when the publish stage wrote the show notes and audio the entry links to.</param>
/// <param name="RecordedAt">The orchestration's clock.</param>
public sealed record RecordInBibleInput(string EpisodeId, string Show, string ScriptArtifact, string ResearchArtifact, bool Published, DateTime RecordedAt);

/// <summary>Output of <see cref="RecordInBibleActivity"/>.</summary>
/// <param name="Artifact"><c>series/entry.json</c>: the entry as the bible holds it.</param>
/// <param name="Number">The episode's number in its show.</param>
/// <param name="ClaimCount">Claim hashes recorded.</param>
public sealed record RecordInBibleOutput(string Artifact, int Number, int ClaimCount);

/// <summary>
/// Series memory, second half: appends the finished episode to its show's bible (title, short summary, key points, the
/// hash of every claim the script stated, links to its page and audio when published). Idempotent: the append is keyed by
/// the episode id, so a retry, a replay or a re-voice never adds the episode twice; and conditional (see
/// <see cref="ShowBibles.AppendAsync"/>), so two episodes finishing at once are both kept.
/// </summary>
public sealed class RecordInBibleActivity(IArtifactStore store, IShowBibleStore bibles, FeedAddress address, ILogger<RecordInBibleActivity> logger)
    : TaskActivity<RecordInBibleInput, RecordInBibleOutput>
{
    /// <inheritdoc />
    public override async Task<RecordInBibleOutput> RunAsync(TaskActivityContext context, RecordInBibleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Script script = await store.ReadJsonAsync<Script>(input.ScriptArtifact, CancellationToken.None);
        ResearchNotes research = await store.ReadJsonAsync<ResearchNotes>(input.ResearchArtifact, CancellationToken.None);
        BibleEpisode entry = Entry(input, script, research, input.Published ? address.ForPublishing() : null);

        int before = (await bibles.ReadAsync(input.Show, CancellationToken.None)).Bible.Find(input.EpisodeId)?.Number ?? 0;
        BibleEpisode stored = await bibles.AppendAsync(input.Show, entry, CancellationToken.None);
        string name = ArtifactNames.SeriesEntry(input.EpisodeId);
        await store.WriteJsonAsync(name, stored, inputHash: null, CancellationToken.None);
        if (before == 0)
        {
            Logs.SeriesEpisodeRecorded(logger, input.EpisodeId, input.Show, stored.Number, stored.Claims.Count);
        }
        else
        {
            Logs.SeriesEpisodeAlreadyRecorded(logger, input.EpisodeId, input.Show, stored.Number);
        }

        return new RecordInBibleOutput(name, stored.Number, stored.Claims.Count);
    }

    /// <summary>The bible entry of an episode: the claims its script cites, in the order it tells them.</summary>
    public static BibleEpisode Entry(RecordInBibleInput input, Script script, ResearchNotes research, Uri? publishedBase)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(research);
        List<string> told = script.Turns
            .SelectMany(t => t.Claims ?? [])
            .Where(i => i >= 0 && i < research.Notes.Count)
            .Distinct()
            .Select(i => research.Notes[i].Text)
            .ToList();
        List<string> points = [.. told.Take(ShowBible.MaxPoints)];
        return new BibleEpisode(
            Number: 0,
            input.EpisodeId,
            script.Title,
            ShowBible.Clip(string.Join(" ", points.Take(2)), ShowBible.MaxSummaryCharacters),
            points,
            [.. told.Select(ClaimKeys.Hash).OfType<string>().Distinct(StringComparer.Ordinal)],
            publishedBase is null ? null : Link(publishedBase, input.EpisodeId, ArtifactNames.ShowNotes("", "html").TrimStart('/')),
            publishedBase is null ? null : Link(publishedBase, input.EpisodeId, ArtifactNames.Master("").TrimStart('/')),
            input.RecordedAt);
    }

    // The API's artifact route, as the publish stage links the feed item (EpisodePublisher.Url).
    static Uri Link(Uri baseUrl, string id, string relative) =>
        FeedOptions.Combine(baseUrl, $"episodes/{Uri.EscapeDataString(id)}/artifacts/{Uri.EscapeDataString(relative)}");
}
