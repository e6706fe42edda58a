using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflineSocialAgentTests
{
    readonly OfflineSocialAgent _agent = new();
    static readonly Script _script = new("Durable workflows", [], 0);

    [Fact]
    public async Task WriteAsync_LongKeyPoint_StaysWithinLimitAndEndsWithEllipsis()
    {
        string longNote = string.Join(" ", Enumerable.Repeat("Replay rebuilds orchestrator state from the recorded history.", 10));
        var research = new ResearchNotes(AgentTestData.Topic, "merged", "s", [new ResearchNote(longNote, "a.md", "sentence 1", 1)], true);

        SocialPost post = (await _agent.WriteAsync(AgentTestData.Topic, _script, research, CancellationToken.None)).Value;

        Assert.True(post.Text.Length <= 280, $"{post.Text.Length} characters");
        Assert.Contains("Replay rebuilds orchestrator state", post.Text, StringComparison.Ordinal);
        Assert.Contains("…\n\nListen now!", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_TopKeyPoint_IsQuoted()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);

        SocialPost post = (await _agent.WriteAsync(AgentTestData.Topic, _script, research, CancellationToken.None)).Value;

        Assert.StartsWith($"New episode: Durable workflows. {research.Notes[0].Text}", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoNotes_MentionsTopicWithoutFacts()
    {
        SocialPost post = (await _agent.WriteAsync(AgentTestData.Topic, _script, AgentTestData.NoResearch(), CancellationToken.None)).Value;

        Assert.Equal("New episode: Durable workflows. Two hosts talk through durable workflows.\n\nListen now! #DurableWorkflows #Workflows #Durable", post.Text);
    }

    [Fact]
    public async Task WriteAsync_SingleWordTopic_AddsTwoHashtags()
    {
        SocialPost post = (await _agent.WriteAsync("Kubernetes", _script with { Title = "Kubernetes" }, AgentTestData.NoResearch(), CancellationToken.None)).Value;

        Assert.EndsWith("#Kubernetes #Podcast", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AnyInput_TargetsXWith280Limit()
    {
        SocialPost post = (await _agent.WriteAsync(AgentTestData.Topic, _script, AgentTestData.SmallResearch(1), CancellationToken.None)).Value;

        Assert.Equal(("x", 280), (post.Platform, post.MaxLength));
    }
}
