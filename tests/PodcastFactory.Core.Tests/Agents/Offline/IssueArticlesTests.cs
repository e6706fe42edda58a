using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>The two articles of issue 16 (headings, question titles, lists, code, navigation), researched and scripted offline.</summary>
public sealed class IssueArticlesTests
{
    const string Topic = "Orchestrating multiple AI agents";

    static SourceDocument Article(string name) =>
        new(name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));

    static async Task<ResearchNotes> MergedAsync()
    {
        SourceDocument[] sources = [Article("multi-agent-orchestration.md"), Article("agent-handoffs.md")];
        var agent = new OfflineResearchAgent();
        var angles = new List<ResearchNotes>();
        for (int i = 0; i < 3; i++)
        {
            angles.Add((await agent.ResearchAsync(new(Topic, EpisodePlanner.AllAngles[i], i, 12, "en"), sources, CancellationToken.None)).Value);
        }

        return MergeResearchActivity.Merge(Topic, angles);
    }

    [Fact]
    public async Task ResearchAsync_IssueArticles_EveryNoteStandsAlone()
    {
        ResearchNotes merged = await MergedAsync();

        Assert.NotEmpty(merged.Notes);
        Assert.All(merged.Notes, n => Assert.Null(ClaimShape.Problem(n.Text)));
        Assert.DoesNotContain(merged.Notes, n => n.Text.Contains("What Orchestration Actually Means", StringComparison.Ordinal)
            || n.Text.StartsWith("Design the database", StringComparison.Ordinal) || n.Text.Contains("min read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merge_IssueArticles_NoTwoNotesAreNearDuplicates()
    {
        ResearchNotes merged = await MergedAsync();

        List<HashSet<string>> tokens = merged.Notes.Select(n => TextTokenizer.TokenSet(n.Text)).ToList();
        Assert.All(tokens.Select((t, i) => (t, i)), x => Assert.False(NearDuplicates.RepeatsAny(tokens.Take(x.i), x.t), merged.Notes[x.i].Text));
        Assert.All(merged.Notes, n => Assert.Contains(n.Angle, EpisodePlanner.AllAngles));
    }

    [Fact]
    public async Task WriteAsync_IssueArticles_PassesEveryCheckOfTheReview()
    {
        ResearchNotes merged = await MergedAsync();
        var brief = new ScriptBrief(Topic, EpisodeRequest.DefaultHosts, 5, "en", 4000);

        Script script = (await new OfflineScriptAgent().WriteAsync(brief, merged, CancellationToken.None)).Value;
        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(brief, script, merged, CancellationToken.None)).Value;

        Assert.True(review.Passed, string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }
}
