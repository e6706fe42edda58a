using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class WriteSocialPostActivityTests
{
    const string Id = ActivityBed.Id;

    static async Task<(ActivityBed Bed, WriteSocialPostActivity Activity, WriteSocialPostInput Input)> ArrangeAsync()
    {
        ActivityBed bed = await new ActivityBed().WithModelAsync();
        ResearchNotes research = AgentTestData.SmallResearch(5);
        Script script = (await new OfflineScriptAgent().WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;
        string scriptName = await bed.WriteJsonAsync(ArtifactNames.Script(Id), script);
        string researchJson = await bed.WriteJsonAsync(ArtifactNames.ResearchJson(Id), research);
        var activity = new WriteSocialPostActivity(bed.Store, bed.Get<ISocialAgent>(), bed.PaidStep);
        return (bed, activity, new WriteSocialPostInput(Id, AgentTestData.Topic, scriptName, researchJson));
    }

    [Fact]
    public async Task RunAsync_Post_WritesSocialMarkdownWithPlatformLimitAndLength()
    {
        (ActivityBed bed, WriteSocialPostActivity activity, WriteSocialPostInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;

        WriteSocialPostOutput output = await activity.RunAsync(ActivityBed.Context(), input);

        string markdown = await bed.Store.ReadTextAsync(ArtifactNames.Social(Id), default);
        SocialPost post = SocialMarkdown.Parse(markdown);
        Assert.StartsWith("New episode: how durable workflows survive crashes.", post.Text, StringComparison.Ordinal);
        Assert.Contains($"length: {post.Text.Length}\n", markdown, StringComparison.Ordinal);
        Assert.Equal((post.Platform, post.Text.Length, post.MaxLength), (output.Platform, output.Length, output.MaxLength));
        Assert.Equal(bed.Server!.BilledUsd, output.Usage.CostUsd);
        Assert.True(output.Usage.CostUsd > 0);
    }

    [Fact]
    public async Task RunAsync_RunAgainInALaterRun_ReusesThePostAtNoCost()
    {
        (ActivityBed bed, WriteSocialPostActivity activity, WriteSocialPostInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        WriteSocialPostOutput first = await activity.RunAsync(ActivityBed.Context(), input);

        // Another orchestration run (a re-run of the episode) finds the same post for the same input.
        WriteSocialPostOutput later = await activity.RunAsync(ActivityBed.Context(Id + "-rerun"), input);

        Assert.Single(bed.Server!.ChatRequests);
        Assert.True(later.Usage.CacheHit);
        Assert.Equal(0m, later.Usage.ChargeUsd);
        Assert.Equal(first.Length, later.Length);
        Assert.Equal(first.Usage.CostUsd, (await bed.JournalAsync()).TotalUsd);
    }
}
