using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflinePipelineTests
{
    [Fact]
    public async Task ReviseAsync_AfterFailedReview_NextReviewPasses()
    {
        var writer = new OfflineScriptAgent();
        var evaluator = new OfflineEvaluatorAgent();
        ResearchNotes research = await AgentTestData.MergedResearchAsync();
        ScriptBrief brief = AgentTestData.Brief(minutes: 4, maxTurnCharacters: 150);
        Script draft = (await writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;
        ScriptReview failed = (await evaluator.EvaluateAsync(brief, draft, research, CancellationToken.None)).Value;
        Assert.False(failed.Passed);

        Script revised = (await writer.ReviseAsync(brief, research, draft, failed, CancellationToken.None)).Value;
        ScriptReview review = (await evaluator.EvaluateAsync(brief, revised, research, CancellationToken.None)).Value;

        Assert.True(review.Passed, string.Join(" | ", review.Checks.Select(c => $"{c.Name}: {c.Detail}")));
    }
}
