using System.Globalization;
using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="WriteSocialPostActivity"/>.</summary>
public sealed record WriteSocialPostInput(string EpisodeId, string Topic, string ScriptArtifact, string ResearchJson, string Language = "en");

/// <summary>Output of <see cref="WriteSocialPostActivity"/>.</summary>
public sealed record WriteSocialPostOutput(string Artifact, string Platform, int Length, int MaxLength, AgentUsage Usage);

/// <summary>Writes <c>social.md</c>: the post, its platform and its length limit.</summary>
public sealed class WriteSocialPostActivity(IArtifactStore store, ISocialAgent agent, PaidStep paidStep) : TaskActivity<WriteSocialPostInput, WriteSocialPostOutput>
{
    /// <inheritdoc />
    public override async Task<WriteSocialPostOutput> RunAsync(TaskActivityContext context, WriteSocialPostInput input)
    {
        Script script = await store.ReadJsonAsync<Script>(input.ScriptArtifact, CancellationToken.None);
        ResearchNotes research = await store.ReadJsonAsync<ResearchNotes>(input.ResearchJson, CancellationToken.None);
        string name = ArtifactNames.Social(input.EpisodeId);
        string hash = InputHash.Of(nameof(WriteSocialPostActivity), input, script, research);

        PaidStepResult<SocialPost> result = await paidStep.RunAsync(
            new PaidStepKey(input.EpisodeId, context.InstanceId, AgentNames.SocialWriter, "words", name, hash),
            reuse: async () => SocialMarkdown.Parse(await store.ReadTextAsync(name, CancellationToken.None)),
            pay: () => agent.WriteAsync(input.Topic, input.Language, script, research, CancellationToken.None),
            save: post =>
            {
                if (post.Text.Length > post.MaxLength)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"The social post is {post.Text.Length} characters; {post.Platform} allows {post.MaxLength}."));
                }

                return store.WriteTextAsync(name, SocialMarkdown.Render(post), hash, CancellationToken.None);
            });
        SocialPost post = result.Value;
        return new WriteSocialPostOutput(name, post.Platform, post.Text.Length, post.MaxLength, result.Usage);
    }
}
