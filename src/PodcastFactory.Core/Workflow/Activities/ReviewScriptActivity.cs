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
public sealed class ReviewScriptActivity(IArtifactStore store, IEvaluatorAgent agent, PaidStep paidStep) : TaskActivity<ReviewScriptInput, ReviewScriptOutput>
{
    /// <inheritdoc />
    public override async Task<ReviewScriptOutput> RunAsync(TaskActivityContext context, ReviewScriptInput input)
    {
        ResearchNotes research = await store.ReadJsonAsync<ResearchNotes>(input.ResearchJson, CancellationToken.None);
        Script script = await store.ReadJsonAsync<Script>(input.ScriptRevisionArtifact, CancellationToken.None);
        string name = ArtifactNames.Review(input.EpisodeId, input.Revision);
        string hash = InputHash.Of(nameof(ReviewScriptActivity), input, research, script);

        PaidStepResult<ScriptReview> result = await paidStep.RunAsync(
            new PaidStepKey(input.EpisodeId, context.InstanceId, AgentNames.Evaluator, "words", name, hash),
            reuse: () => store.ReadJsonAsync<ScriptReview>(name, CancellationToken.None),
            pay: async () =>
            {
                AgentResult<ScriptReview> judged = await agent.EvaluateAsync(input.Brief, script, research, CancellationToken.None);
                return judged with { Value = judged.Value with { Revision = input.Revision } };
            },
            save: review => store.WriteJsonAsync(name, review, hash, CancellationToken.None));
        ScriptReview review = result.Value;
        return new ReviewScriptOutput(name, review.Passed, review.Score, review.Suggestions, result.Usage);
    }
}
