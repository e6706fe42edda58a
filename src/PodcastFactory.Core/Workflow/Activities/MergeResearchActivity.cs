using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="MergeResearchActivity"/>.</summary>
public sealed record MergeResearchInput(string EpisodeId, string Topic, IReadOnlyList<string> AngleArtifacts);

/// <summary>Output of <see cref="MergeResearchActivity"/>.</summary>
/// <param name="Artifact">research.md.</param>
/// <param name="JsonArtifact">research.json.</param>
/// <param name="NoteCount">Merged notes.</param>
/// <param name="HasSources">False when nothing grounded the research.</param>
/// <param name="Problems">What web research dropped, with reasons (first few), so a failure can say why.</param>
public sealed record MergeResearchOutput(string Artifact, string JsonArtifact, int NoteCount, bool HasSources, IReadOnlyList<string>? Problems = null);

/// <summary>
/// Fans in the angles: interleaves their notes (best of each angle first), drops duplicates, and writes
/// <c>research.md</c> and <c>research.json</c>. No model call, so nothing to cost.
/// </summary>
public sealed class MergeResearchActivity(IArtifactStore store) : TaskActivity<MergeResearchInput, MergeResearchOutput>
{
    /// <summary>Notes kept after merging.</summary>
    public const int MaxMergedNotes = 60;

    /// <summary>Problems carried back to the orchestrator (the rest stay in research.md).</summary>
    public const int MaxReportedProblems = 8;

    /// <inheritdoc />
    public override async Task<MergeResearchOutput> RunAsync(TaskActivityContext context, MergeResearchInput input)
    {
        var angles = new List<ResearchNotes>();
        foreach (string name in input.AngleArtifacts)
        {
            angles.Add(await store.ReadJsonAsync<ResearchNotes>(name, CancellationToken.None));
        }

        IReadOnlyList<BibleEpisode>? earlier = await SeriesSnapshot.ReadEarlierAsync(store, input.EpisodeId, CancellationToken.None);
        ResearchNotes merged = Remembering(Merge(input.Topic, angles), earlier);
        string jsonName = ArtifactNames.ResearchJson(input.EpisodeId);
        string mdName = ArtifactNames.Research(input.EpisodeId);
        string hash = earlier is null ? InputHash.Of(nameof(MergeResearchActivity), angles) : InputHash.Of(nameof(MergeResearchActivity), angles, earlier);
        await store.WriteJsonAsync(jsonName, merged, hash, CancellationToken.None);
        await store.WriteTextAsync(mdName, ResearchMarkdown.Render(merged), hash, CancellationToken.None);
        return new MergeResearchOutput(mdName, jsonName, merged.Notes.Count, merged.HasSources, merged.Problems?.Take(MaxReportedProblems).ToList());
    }

    /// <summary>
    /// Series memory on the merged notes: the notes an earlier episode of the show already stated move after the new ones
    /// (in their order), so a writer that takes notes in rank order reaches them last; and the earlier episodes travel with
    /// the notes (without their claim hashes) for the writer's back-references and the show notes' links.
    /// </summary>
    public static ResearchNotes Remembering(ResearchNotes merged, IReadOnlyList<BibleEpisode>? earlier)
    {
        ArgumentNullException.ThrowIfNull(merged);
        if (earlier is null)
        {
            return merged;
        }

        var covered = new CoveredClaims(earlier);
        ILookup<bool, ResearchNote> byCovered = merged.Notes.ToLookup(n => covered.Contains(n.Text));
        return merged with
        {
            Notes = [.. byCovered[false], .. byCovered[true]],
            Earlier = [.. earlier.Select(e => e with { Claims = [] })],
        };
    }

    /// <summary>
    /// Round-robin merge across angles (best of each angle first). A note that repeats one already kept (same words,
    /// or a near-duplicate: see <see cref="NearDuplicates"/>) is dropped, so each note keeps the angle that ranked it highest.
    /// </summary>
    public static ResearchNotes Merge(string topic, IReadOnlyList<ResearchNotes> angles)
    {
        var seen = new List<IReadOnlySet<string>>();
        var merged = new List<ResearchNote>();
        int longest = angles.Count == 0 ? 0 : angles.Max(a => a.Notes.Count);
        for (int rank = 0; rank < longest && merged.Count < MaxMergedNotes; rank++)
        {
            foreach (ResearchNotes angle in angles)
            {
                if (rank >= angle.Notes.Count || merged.Count >= MaxMergedNotes)
                {
                    continue;
                }

                HashSet<string> tokens = TextTokenizer.TokenSet(angle.Notes[rank].Text);
                if (tokens.Count == 0 ? merged.All(m => m.Text != angle.Notes[rank].Text) : !NearDuplicates.RepeatsAny(seen, tokens))
                {
                    merged.Add(angle.Notes[rank]);
                    seen.Add(tokens);
                }
            }
        }

        bool hasSources = angles.Any(a => a.HasSources);
        string summary = hasSources
            ? $"{merged.Count} distinct notes from {angles.Count} research angles: {string.Join("; ", angles.Select(a => a.Angle))}."
            : "No sources were supplied, so the research holds no facts; the episode stays short and says so.";
        List<string> problems = angles.SelectMany(a => a.Problems ?? []).Distinct(StringComparer.Ordinal).ToList();
        return new ResearchNotes(topic, "merged", summary, merged, hasSources, problems.Count == 0 ? null : problems);
    }
}
