using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="WriteScriptActivity"/>: revision 0 is the first draft, n revises n-1 using review n-1.</summary>
public sealed record WriteScriptInput(string EpisodeId, ScriptBrief Brief, string ResearchJson, int Revision);

/// <summary>Output of <see cref="WriteScriptActivity"/>.</summary>
public sealed record WriteScriptOutput(string Artifact, string RevisionArtifact, string Title, int WordCount, int TurnCount, AgentUsage Usage);

/// <summary>Writes the draft or a revision; the newest revision is also <c>script.json</c> and <c>script.md</c>.</summary>
public sealed class WriteScriptActivity(IArtifactStore store, IScriptAgent agent, PaidStep paidStep) : TaskActivity<WriteScriptInput, WriteScriptOutput>
{
    /// <inheritdoc />
    public override async Task<WriteScriptOutput> RunAsync(TaskActivityContext context, WriteScriptInput input)
    {
        string id = input.EpisodeId;
        ResearchNotes research = await store.ReadJsonAsync<ResearchNotes>(input.ResearchJson, CancellationToken.None);
        Script? previous = null;
        ScriptReview? review = null;
        if (input.Revision > 0)
        {
            previous = await store.ReadJsonAsync<Script>(ArtifactNames.ScriptRevision(id, input.Revision - 1), CancellationToken.None);
            review = await store.ReadJsonAsync<ScriptReview>(ArtifactNames.Review(id, input.Revision - 1), CancellationToken.None);
        }

        string revisionName = ArtifactNames.ScriptRevision(id, input.Revision);
        string hash = InputHash.Of(nameof(WriteScriptActivity), input, research, previous, review);
        PaidStepResult<Script> result = await paidStep.RunAsync(
            new PaidStepKey(id, context.InstanceId, AgentNames.ScriptWriter, "words", revisionName, hash),
            reuse: () => store.ReadJsonAsync<Script>(revisionName, CancellationToken.None),
            pay: async () =>
            {
                AgentResult<Script> written = previous is null
                    ? await agent.WriteAsync(input.Brief, research, CancellationToken.None)
                    : await agent.ReviseAsync(input.Brief, research, previous, review!, CancellationToken.None);
                return written with { Value = written.Value with { Revision = input.Revision } };
            },
            save: script => store.WriteJsonAsync(revisionName, script, hash, CancellationToken.None));
        Script script = result.Value;

        // The current script is rewritten from the revision every time, so a replay after a crash between the
        // two writes still leaves script.json equal to the newest revision.
        string scriptName = ArtifactNames.Script(id);
        await store.WriteJsonAsync(scriptName, script, hash, CancellationToken.None);
        await store.WriteTextAsync(ArtifactNames.ScriptMarkdown(id), ScriptMarkdown.Render(script), hash, CancellationToken.None);
        return new WriteScriptOutput(scriptName, revisionName, script.Title, script.WordCount, script.Turns.Count, result.Usage);
    }
}
