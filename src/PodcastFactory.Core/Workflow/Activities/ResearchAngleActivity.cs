using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Web;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="ResearchAngleActivity"/>.</summary>
public sealed record ResearchAngleInput(string EpisodeId, string Topic, string Angle, int AngleIndex, string Language, IReadOnlyList<SourceRef> Sources,
    ResearchMode Research = ResearchMode.Sources, ResearchDepth Depth = ResearchDepth.Standard);

/// <summary>Output of <see cref="ResearchAngleActivity"/>: references, not the notes themselves.</summary>
/// <param name="Artifact">research/angle-n.md.</param>
/// <param name="JsonArtifact">research/angle-n.json.</param>
/// <param name="NoteCount">Notes written.</param>
/// <param name="Usage">The research agent's call.</param>
/// <param name="SearchUsages">Web searches of the angle, every attempt of this run (from the step's journal).</param>
public sealed record ResearchAngleOutput(string Artifact, string JsonArtifact, int NoteCount, AgentUsage Usage, IReadOnlyList<AgentUsage>? SearchUsages = null);

/// <summary>
/// Researches one angle from the captured sources and, when asked, web pages (searched, fetched and captured as
/// <c>sources/web-n.md</c> first), and writes <c>research/angle-n.md</c> (+ .json) with web notes cited.
/// </summary>
public sealed class ResearchAngleActivity(IArtifactStore store, IResearchAgent agent, WebResearcher web, PaidStep paidStep) : TaskActivity<ResearchAngleInput, ResearchAngleOutput>
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

        // The web searches and the model's calls are one paid step: journaled together, counted over every attempt.
        var step = new PaidStepKey(input.EpisodeId, context.InstanceId, AgentNames.Research, "words", jsonName, InputHash: "");
        using StepJournal journal = paidStep.Open(step);
        await journal.StartAsync();
        WebResearchResult found = input.Research == ResearchMode.Sources
            ? new WebResearchResult([], [], [])
            : await web.ResearchAsync(new WebAngle(input.EpisodeId, input.Topic, input.Angle, input.AngleIndex, input.Language, input.Depth), CancellationToken.None);
        sources.AddRange(found.Pages.Select(p => new SourceDocument(p.Name, p.Text)));

        // Series memory: what the show's earlier episodes covered is ranked lower (and is part of the input hash).
        IReadOnlyList<BibleEpisode>? earlier = await SeriesSnapshot.ReadEarlierAsync(store, input.EpisodeId, CancellationToken.None);
        string hash = earlier is null ? InputHash.Of(nameof(ResearchAngleActivity), input, sources) : InputHash.Of(nameof(ResearchAngleActivity), input, sources, earlier);
        var brief = new ResearchBrief(input.Topic, input.Angle, input.AngleIndex, NotesPerAngle, input.Language, earlier);
        PaidStepResult<ResearchNotes> result = await paidStep.RunAsync(
            journal,
            step with { InputHash = hash },
            reuse: () => store.ReadJsonAsync<ResearchNotes>(jsonName, CancellationToken.None),
            pay: async () =>
            {
                AgentResult<ResearchNotes> researched = await agent.ResearchAsync(brief, sources, CancellationToken.None);
                // Passages after the web citations: a web note's passage is the paragraph around its verbatim quote.
                return researched with { Value = NotePassages.Attach(WebCitations.Attach(researched.Value, found.Pages, found.Problems), sources) };
            },
            save: async notes =>
            {
                await store.WriteTextAsync(mdName, ResearchMarkdown.Render(notes), hash, CancellationToken.None);
                await store.WriteJsonAsync(jsonName, notes, hash, CancellationToken.None);
            });
        return new ResearchAngleOutput(mdName, jsonName, result.Value.Notes.Count, result.Usage, result.OtherUsages);
    }
}
