using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="ResearchAngleActivity"/>.</summary>
public sealed record ResearchAngleInput(string EpisodeId, string Topic, string Angle, int AngleIndex, string Language, IReadOnlyList<SourceRef> Sources);

/// <summary>Output of <see cref="ResearchAngleActivity"/>: references, not the notes themselves.</summary>
public sealed record ResearchAngleOutput(string Artifact, string JsonArtifact, int NoteCount, AgentUsage Usage);

/// <summary>Researches one angle from the captured sources and writes <c>research/angle-n.md</c> (+ .json).</summary>
public sealed class ResearchAngleActivity(IArtifactStore store, IResearchAgent agent, PaidStep paidStep) : TaskActivity<ResearchAngleInput, ResearchAngleOutput>
{
    /// <summary>Notes kept per angle.</summary>
    public const int NotesPerAngle = 12;

    /// <inheritdoc />
    public override async Task<ResearchAngleOutput> RunAsync(TaskActivityContext context, ResearchAngleInput input)
    {
        string jsonName = ArtifactNames.ResearchAngleJson(input.EpisodeId, input.AngleIndex);
        string mdName = ArtifactNames.ResearchAngle(input.EpisodeId, input.AngleIndex);

        var sources = new List<SourceDocument>();
        foreach (SourceRef source in input.Sources)
        {
            sources.Add(new SourceDocument(source.Name, await store.ReadTextAsync(source.Artifact, CancellationToken.None)));
        }

        string hash = InputHash.Of(nameof(ResearchAngleActivity), input, sources);
        var brief = new ResearchBrief(input.Topic, input.Angle, input.AngleIndex, NotesPerAngle, input.Language);
        AgentResult<ResearchNotes> result = await paidStep.RunAsync(
            new PaidStepKey(input.EpisodeId, AgentNames.Research, "words", jsonName, hash),
            reuse: () => store.ReadJsonAsync<ResearchNotes>(jsonName, CancellationToken.None),
            pay: () => agent.ResearchAsync(brief, sources, CancellationToken.None),
            save: async notes =>
            {
                await store.WriteTextAsync(mdName, ResearchMarkdown.Render(notes), hash, CancellationToken.None);
                await store.WriteJsonAsync(jsonName, notes, hash, CancellationToken.None);
            });
        return new ResearchAngleOutput(mdName, jsonName, result.Value.Notes.Count, result.Usage);
    }
}
