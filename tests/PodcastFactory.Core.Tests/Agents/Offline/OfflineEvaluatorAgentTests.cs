using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflineEvaluatorAgentTests
{
    readonly OfflineEvaluatorAgent _evaluator = new();
    readonly OfflineScriptAgent _writer = new();

    async Task<ScriptReview> EvaluateAsync(Script script, ResearchNotes research, int minutes = 3, int maxTurnCharacters = 4000) =>
        (await _evaluator.EvaluateAsync(AgentTestData.Brief(minutes, maxTurnCharacters), script, research, CancellationToken.None)).Value;

    static ReviewCheck Check(ScriptReview review, string name) => review.Checks.Single(c => c.Name == name);

    [Fact]
    public async Task EvaluateAsync_WrittenScript_PassesEveryCheck()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();
        Script script = (await _writer.WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;

        ScriptReview review = await EvaluateAsync(script, research);

        Assert.True(review.Passed, string.Join(" | ", review.Checks.Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Equal(1.0, review.Score);
        Assert.Empty(review.Suggestions);
    }

    [Fact]
    public async Task EvaluateAsync_AnyScript_ReportsTheThirteenNamedChecks()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script script = (await _writer.WriteAsync(AgentTestData.Brief(), research, CancellationToken.None)).Value;

        ScriptReview review = await EvaluateAsync(script, research);

        Assert.Equal(["length", "coverage", "balance", "segment-limit", "grounding", "structure", "language", "fact-check", "fragments", "list-items", "repetition", "arc", "spoken-text"], review.Checks.Select(c => c.Name));
    }

    [Fact]
    public async Task EvaluateAsync_TooShortScript_FailsLengthWithNumbersInSuggestion()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();
        Script script = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;

        ScriptReview review = await EvaluateAsync(script, research, minutes: 5);

        Assert.False(review.Passed);
        Assert.False(Check(review, CheckNames.Length).Passed);
        string suggestion = Assert.Single(review.Suggestions, s => s.StartsWith("Script is", StringComparison.Ordinal));
        Assert.Contains($"Script is {script.WordCount} words; target is 750 ±25% (563-938): add about", suggestion, StringComparison.Ordinal);
        Assert.Equal(review.Checks.Count(c => c.Passed) / (double)review.Checks.Count, review.Score, 3);
        Assert.True(Check(review, "fact-check").Passed, Check(review, "fact-check").Detail);
    }

    [Fact]
    public async Task EvaluateAsync_ShortScriptUsingEveryNote_PassesLength()
    {
        ResearchNotes research = AgentTestData.SmallResearch(2);
        Script script = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 10), research, CancellationToken.None)).Value;

        ScriptReview review = await EvaluateAsync(script, research, minutes: 10);

        Assert.True(Check(review, CheckNames.Length).Passed, Check(review, CheckNames.Length).Detail);
    }

    [Fact]
    public async Task EvaluateAsync_OneHostDoesTheTalking_FailsBalance()
    {
        ResearchNotes research = AgentTestData.SmallResearch(5);
        Script written = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;
        Script lopsided = written with { Turns = written.Turns.Select(t => t.Claims is null ? t : t with { Speaker = "Alex" }).ToList() };

        ScriptReview review = await EvaluateAsync(lopsided, research, minutes: 1);

        Assert.False(Check(review, CheckNames.Balance).Passed);
        Assert.Contains(review.Suggestions, s => s.StartsWith("Alex speaks", StringComparison.Ordinal) && s.Contains("give Sam more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_TurnOverLimit_FailsSegmentLimit()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script script = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;

        ScriptReview review = await EvaluateAsync(script, research, minutes: 1, maxTurnCharacters: 60);

        Assert.False(Check(review, CheckNames.SegmentLimit).Passed);
        Assert.Contains(review.Suggestions, s => s.Contains("longer than 60 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_InvalidClaimIndex_FailsGrounding()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script written = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;
        Script broken = written with { Turns = written.Turns.Select(t => t.Claims is null ? t : t with { Claims = [7] }).ToList() };

        ScriptReview review = await EvaluateAsync(broken, research, minutes: 1);

        Assert.False(Check(review, CheckNames.Grounding).Passed);
    }

    [Fact]
    public async Task EvaluateAsync_UncitedNumericClaim_FailsGrounding()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script written = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;
        var turns = written.Turns.ToList();
        turns.Insert(2, new ScriptTurn("Alex", "Ninety percent of companies adopted durable workflows in 2021."));

        ScriptReview review = await EvaluateAsync(written with { Turns = turns }, research, minutes: 1);

        Assert.False(Check(review, CheckNames.Grounding).Passed);
        Assert.Contains(review.Suggestions, s => s.Contains("turns 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_MissingTopNote_FailsCoverage()
    {
        ResearchNotes research = AgentTestData.SmallResearch(4);
        Script written = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 2), research, CancellationToken.None)).Value;
        Script missing = written with { Turns = written.Turns.Where(t => t.Claims is null || !t.Claims.Contains(0)).ToList() };

        ScriptReview review = await EvaluateAsync(missing, research, minutes: 2);

        Assert.False(Check(review, CheckNames.Coverage).Passed);
        Assert.Contains(review.Suggestions, s => s.Contains("#0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_SingleHostWithoutIntro_FailsStructure()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        var script = new Script("T", research.Notes.Select((n, i) => new ScriptTurn("Alex", n.Text, [i])).ToList(), 0);

        ScriptReview review = await EvaluateAsync(script, research, minutes: 1);

        ReviewCheck structure = Check(review, CheckNames.Structure);
        Assert.False(structure.Passed);
        Assert.Contains("intro missing", structure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_AnyCall_ReportsOfflineUsage()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3);
        Script script = (await _writer.WriteAsync(AgentTestData.Brief(minutes: 1), research, CancellationToken.None)).Value;

        AgentUsage usage = (await _evaluator.EvaluateAsync(AgentTestData.Brief(minutes: 1), script, research, CancellationToken.None)).Usage;

        Assert.Equal((AgentNames.Evaluator, "offline", "words", 0m), (usage.Agent, usage.Provider, usage.UnitKind, usage.CostUsd));
        Assert.True(usage.InputUnits >= script.WordCount);
    }
}
