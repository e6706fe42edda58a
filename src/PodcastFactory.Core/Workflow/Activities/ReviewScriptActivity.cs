using System.Diagnostics;
using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="ReviewScriptActivity"/>.</summary>
public sealed record ReviewScriptInput(string EpisodeId, ScriptBrief Brief, string ResearchJson, string ScriptRevisionArtifact, int Revision);

/// <summary>Output of <see cref="ReviewScriptActivity"/>: the verdict and its suggestions (short), the review itself as an artifact.</summary>
public sealed record ReviewScriptOutput(string Artifact, bool Passed, double Score, IReadOnlyList<string> Suggestions, AgentUsage Usage);

/// <summary>The quality gate's evaluator: writes <c>reviews/review-n.json</c>.</summary>
public sealed class ReviewScriptActivity(IArtifactStore store, IEvaluatorAgent agent) : TaskActivity<ReviewScriptInput, ReviewScriptOutput>
{
    /// <inheritdoc />
    public override async Task<ReviewScriptOutput> RunAsync(TaskActivityContext context, ReviewScriptInput input)
    {
        var clock = Stopwatch.StartNew();
        ResearchNotes research = await store.ReadJsonAsync<ResearchNotes>(input.ResearchJson, CancellationToken.None);
        Script script = await store.ReadJsonAsync<Script>(input.ScriptRevisionArtifact, CancellationToken.None);
        string name = ArtifactNames.Review(input.EpisodeId, input.Revision);
        string hash = InputHash.Of(nameof(ReviewScriptActivity), input, research, script);

        if (await store.IsUpToDateAsync(name, hash, CancellationToken.None))
        {
            ScriptReview cached = await store.ReadJsonAsync<ScriptReview>(name, CancellationToken.None);
            var hit = AgentUsage.CacheHitFor(AgentNames.Evaluator, "words", clock.Elapsed.TotalMilliseconds);
            return new ReviewScriptOutput(name, cached.Passed, cached.Score, cached.Suggestions, hit);
        }

        AgentResult<ScriptReview> result = await agent.EvaluateAsync(input.Brief, script, research, CancellationToken.None);
        ScriptReview review = result.Value with { Revision = input.Revision };
        await store.WriteJsonAsync(name, review, hash, CancellationToken.None);
        return new ReviewScriptOutput(name, review.Passed, review.Score, review.Suggestions, result.Usage);
    }
}
