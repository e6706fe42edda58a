using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflineScriptAgentTests
{
    readonly OfflineScriptAgent _agent = new();
    readonly OfflineEvaluatorAgent _evaluator = new();

    [Fact]
    public async Task WriteAsync_EnoughNotes_WordCountWithinTolerance()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 3), research, CancellationToken.None)).Value;

        Assert.InRange(script.WordCount, 450 * 0.75, 450 * 1.25);
    }

    [Fact]
    public async Task WriteAsync_Fixture_AlternatesSpeakersFromHostA()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;

        Assert.Equal("Alex", script.Turns[0].Speaker);
        Assert.All(script.Turns.Zip(script.Turns.Skip(1)), pair => Assert.NotEqual(pair.First.Speaker, pair.Second.Speaker));
    }

    [Fact]
    public async Task WriteAsync_SmallTurnLimit_NoTurnExceedsLimit()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(maxTurnCharacters: 120), research, CancellationToken.None)).Value;

        Assert.All(script.Turns, t => Assert.True(t.Text.Length <= 120, $"{t.Text.Length} characters: {t.Text}"));
    }

    [Fact]
    public async Task WriteAsync_Claims_AreValidIndexesAndStateTheNoteVerbatim()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;

        List<ScriptTurn> claimed = script.Turns.Where(t => t.Claims is { Count: > 0 }).ToList();
        Assert.NotEmpty(claimed);
        Assert.All(claimed, t =>
        {
            Assert.All(t.Claims!, index =>
            {
                Assert.InRange(index, 0, research.Notes.Count - 1);
                Assert.Contains(research.Notes[index].Text, t.Text, StringComparison.Ordinal);
            });
        });
    }

    [Fact]
    public async Task WriteAsync_FewNotes_UsesAllNotesWithoutPadding()
    {
        ResearchNotes research = AgentTestData.SmallResearch(2);

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 10), research, CancellationToken.None)).Value;

        Assert.Equal([0, 1], script.Turns.SelectMany(t => t.Claims ?? []).Distinct().Order());
        Assert.True(script.WordCount < 150, $"{script.WordCount} words");
    }

    [Fact]
    public async Task WriteAsync_NoSources_ShortScriptSaysNoSourcesWereSupplied()
    {
        Script script = (await _agent.WriteAsync(AgentTestData.Brief(), AgentTestData.NoResearch(), CancellationToken.None)).Value;

        Assert.True(script.WordCount < 100, $"{script.WordCount} words");
        Assert.Contains(script.Turns, t => t.Text.Contains("no sources were supplied", StringComparison.Ordinal));
        Assert.All(script.Turns, t => Assert.Null(t.Claims));
    }

    [Fact]
    public async Task WriteAsync_SameInputTwice_ReturnsEqualScripts()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();

        Script first = (await _agent.WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;
        Script second = (await _agent.WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;

        Assert.Equal(first.Title, second.Title);
        Assert.Equal(first.Turns.Select(t => (t.Speaker, t.Text, string.Join(",", t.Claims ?? []))), second.Turns.Select(t => (t.Speaker, t.Text, string.Join(",", t.Claims ?? []))));
    }

    [Fact]
    public async Task ReviseAsync_FailedBalance_ProducesBalancedScript()
    {
        ResearchNotes research = AgentTestData.SmallResearch(6);
        Script written = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;
        Script lopsided = written with { Turns = written.Turns.Select(t => t.Claims is null ? t : t with { Speaker = "Alex" }).ToList() };
        ScriptReview review = (await _evaluator.EvaluateAsync(AgentTestData.Brief(minutes: 1), lopsided, research, CancellationToken.None)).Value;
        Assert.False(review.Checks.Single(c => c.Name == CheckNames.Balance).Passed);

        Script revised = (await _agent.ReviseAsync(AgentTestData.Brief(minutes: 1), research, lopsided, review, CancellationToken.None)).Value;

        double share = AgentTestData.Words(revised, "Alex") / (double)revised.WordCount;
        Assert.InRange(share, 0.35, 0.65);
    }

    [Fact]
    public async Task ReviseAsync_FailedLengthTooShort_AddsNotesUntilWithinTolerance()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();
        Script short1 = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;

        Script revised = (await _agent.ReviseAsync(AgentTestData.Brief(minutes: 3), research, short1, AgentTestData.FailedReview(0, CheckNames.Length), CancellationToken.None)).Value;

        Assert.InRange(revised.WordCount, 450 * 0.75, 450 * 1.25);
        Assert.True(revised.WordCount > short1.WordCount);
    }

    [Fact]
    public async Task ReviseAsync_FailedLengthTooLong_DropsLowestRankedNotes()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();
        Script long1 = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 4), research, CancellationToken.None)).Value;

        Script revised = (await _agent.ReviseAsync(AgentTestData.Brief(minutes: 1), research, long1, AgentTestData.FailedReview(0, CheckNames.Length), CancellationToken.None)).Value;

        List<int> kept = revised.Turns.SelectMany(t => t.Claims ?? []).Distinct().Order().ToList();
        Assert.InRange(revised.WordCount, 150 * 0.75, 150 * 1.25);
        Assert.Equal(Enumerable.Range(0, kept.Count), kept);
    }

    [Fact]
    public async Task ReviseAsync_FailedGrounding_DropsInvalidAndUnmatchedClaims()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script written = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;
        var turns = written.Turns.ToList();
        turns.Insert(3, new ScriptTurn("Sam", "Durable workflows were invented on the moon in 1850.", [2]));
        turns.Insert(3, new ScriptTurn("Alex", "Something else entirely.", [42]));

        Script revised = (await _agent.ReviseAsync(AgentTestData.Brief(minutes: 1), research, written with { Turns = turns }, AgentTestData.FailedReview(0, CheckNames.Grounding), CancellationToken.None)).Value;

        Assert.DoesNotContain(revised.Turns, t => t.Text.Contains("moon", StringComparison.Ordinal) || t.Text.Contains("Something else", StringComparison.Ordinal));
        Assert.All(revised.Turns.SelectMany(t => t.Claims ?? []), i => Assert.InRange(i, 0, 2));
    }

    [Fact]
    public async Task ReviseAsync_FailedCoverage_AddsMissingTopKeyPoints()
    {
        ResearchNotes research = AgentTestData.SmallResearch(4);
        Script written = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 2), research, CancellationToken.None)).Value;
        Script missing = written with { Turns = written.Turns.Where(t => t.Claims is null || !t.Claims.Contains(1)).ToList() };

        Script revised = (await _agent.ReviseAsync(AgentTestData.Brief(minutes: 2), research, missing, AgentTestData.FailedReview(0, CheckNames.Coverage), CancellationToken.None)).Value;

        Assert.Contains(revised.Turns, t => t.Claims?.Contains(1) == true);
    }

    [Fact]
    public async Task ReviseAsync_AnyFailedCheck_IncrementsRevision()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script written = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value with { Revision = 1 };

        Script revised = (await _agent.ReviseAsync(AgentTestData.Brief(minutes: 1), research, written, AgentTestData.FailedReview(1, CheckNames.Structure), CancellationToken.None)).Value;

        Assert.Equal(2, revised.Revision);
    }
}
