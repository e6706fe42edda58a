using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Tests.Workflow.Activities;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Series;

/// <summary>What one offline episode of a show produced through the real activities.</summary>
internal sealed record ShowEpisode(string Id, Script Script, ResearchNotes Research, RecordInBibleOutput? Recorded)
{
    /// <summary>The hashes of the claims the script states, as the bible records them.</summary>
    public HashSet<string> ClaimHashes => [.. RecordInBibleActivity.Entry(
        new RecordInBibleInput(Id, "any", "", "", false, default), Script, Research, null).Claims];
}

/// <summary>
/// Runs the series-memory half of an episode through the real activities on a file store, with the offline agents: the
/// bible snapshot, the research fan-out, the merge, the first draft and the append to the bible; what the workflow runs
/// between them (review, audio) does not read or change the memory.
/// </summary>
internal sealed class ShowEpisodes(ActivityBed bed)
{
    public static readonly DateTime T0 = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public FileSystemShowBibleStore Bibles { get; } = new(bed.Store.Location);

    public async Task<ShowEpisode> ProduceAsync(string id, string? show, string sourceText, int minutes = 3)
    {
        string source = ArtifactNames.Source(id, 0);
        await bed.Store.WriteTextAsync(source, sourceText, null, CancellationToken.None);
        if (show is not null)
        {
            await new ReadShowBibleActivity(bed.Store, Bibles, NullLogger<ReadShowBibleActivity>.Instance).RunAsync(ActivityBed.Context(id), new(id, show));
        }

        var request = new EpisodeRequest { Topic = AgentTestData.Topic, Show = show };
        var research = new ResearchAngleActivity(bed.Store, new OfflineResearchAgent(), bed.Get<WebResearcher>(), bed.PaidStep);
        var angles = new List<string>();
        foreach ((string angle, int i) in EpisodePlanner.Plan(request).Angles.Select((a, i) => (a, i)))
        {
            ResearchAngleOutput output = await research.RunAsync(ActivityBed.Context(id),
                new ResearchAngleInput(id, request.Topic, angle, i, "en", [new SourceRef("source.md", source)]));
            angles.Add(output.JsonArtifact);
        }

        MergeResearchOutput merged = await new MergeResearchActivity(bed.Store).RunAsync(ActivityBed.Context(id), new(id, request.Topic, angles));
        WriteScriptOutput script = await new WriteScriptActivity(bed.Store, new OfflineScriptAgent(), bed.PaidStep)
            .RunAsync(ActivityBed.Context(id), new WriteScriptInput(id, AgentTestData.Brief(minutes), merged.JsonArtifact, 0));
        RecordInBibleOutput? recorded = show is null ? null : await Recorder().RunAsync(ActivityBed.Context(id),
            new RecordInBibleInput(id, show, script.Artifact, merged.JsonArtifact, Published: true, T0));
        return new ShowEpisode(id, await bed.ReadJsonAsync<Script>(script.Artifact), await bed.ReadJsonAsync<ResearchNotes>(merged.JsonArtifact), recorded);
    }

    public RecordInBibleActivity Recorder() =>
        new(bed.Store, Bibles, new FeedAddress(Options.Create(new FeedOptions { PublicBaseUrl = new Uri("https://pods.example/api") })),
            NullLogger<RecordInBibleActivity>.Instance);

    /// <summary>
    /// Two overlapping sources from the durable-workflows fixture: the first two thirds of its paragraphs, and the whole
    /// of it (so everything the first episode could say is in the second one's source too).
    /// </summary>
    public static (string First, string Second) OverlappingSources()
    {
        string[] paragraphs = AgentTestData.Fixture().Text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return (string.Join("\n\n", paragraphs.Take(paragraphs.Length * 2 / 3)), string.Join("\n\n", paragraphs));
    }
}
