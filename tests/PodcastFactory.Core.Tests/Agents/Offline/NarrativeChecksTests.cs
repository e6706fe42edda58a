using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>The offline review on a draft like the one issue 16 reported (it passed at 1.00 before these checks).</summary>
public sealed class NarrativeChecksTests
{
    static readonly ResearchNotes _research = new("agents", "merged", "test",
    [
        new("What Orchestration Actually Means Orchestration is not just running multiple agents.", "a.md", "sentence 1", 1),
        new("Write the API endpoints for user registration, login, and logout.", "a.md", "sentence 2", 0.9),
        new("A hand-off is the moment one agent passes control of a task to another agent.", "b.md", "sentence 1", 0.8),
        new("Routing mistakes are cheap to detect in testing and expensive to detect in production.", "b.md", "sentence 2", 0.7),
    ], HasSources: true);

    static readonly Script _draft = new("Agents",
    [
        new("Alex", "Welcome to the show. I'm Alex, and with me today is Sam. We're talking about agents."),
        new("Sam", "Thanks, Alex. Everything we cover today comes from the research notes, so let's get into it."),
        new("Alex", "Let's start with the point that came up most. What Orchestration Actually Means Orchestration is not just running multiple agents.", [0]),
        new("Sam", "Interesting, I hadn't thought of it that way. Write the API endpoints for user registration, login, and logout.", [1]),
        new("Alex", "Interesting, I hadn't thought of it that way. A hand-off is the moment one agent passes control of a task to another agent.", [2]),
        new("Sam", "Good point. Routing mistakes are cheap to detect in testing and expensive to detect in production.", [3]),
        new("Alex", "Good point. A hand-off is the moment one agent passes control of a task to another agent.", [2]),
        new("Sam", "Thanks, Alex. Until next time, everyone."),
    ], 0);

    [Fact]
    public void Fragments_HeadingGluedToNote_FailsNamingTheTurn()
    {
        CheckOutcome outcome = NarrativeChecks.Fragments(_draft, _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turn 3 \"What Orchestration", outcome.Check.Detail, StringComparison.Ordinal);
        Assert.Contains("turns 3", outcome.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void ListItems_InstructionOutOfItsList_FailsNamingTheTurn()
    {
        CheckOutcome outcome = NarrativeChecks.ListItems(_draft, _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turns 4", outcome.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Repetition_FillerAndNoteRepeated_FailsNamingBothTurns()
    {
        CheckOutcome outcome = NarrativeChecks.Repetition(_draft, _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turn 5 repeats \"Interesting, I hadn't thought of it that way.\" from turn 4", outcome.Check.Detail, StringComparison.Ordinal);
        Assert.Contains("turn 7 tells note #2 again (first told in turn 5)", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Arc_NoOverviewSectionsOrRecap_FailsSayingWhatIsMissing()
    {
        CheckOutcome outcome = NarrativeChecks.Arc(_draft, _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("does not say what the episode covers", outcome.Suggestion, StringComparison.Ordinal);
        Assert.Contains("no recap of the takeaways", outcome.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviseAsync_IssueDraft_NextReviewPasses()
    {
        var brief = AgentTestData.Brief(minutes: 1);
        var evaluator = new OfflineEvaluatorAgent();
        ScriptReview failed = (await evaluator.EvaluateAsync(brief, _draft, _research, CancellationToken.None)).Value;

        Script revised = (await new OfflineScriptAgent().ReviseAsync(brief, _research, _draft, failed, CancellationToken.None)).Value;
        ScriptReview review = (await evaluator.EvaluateAsync(brief, revised, _research, CancellationToken.None)).Value;

        Assert.True(review.Passed, string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.DoesNotContain(revised.Turns, t => t.Claims?.Contains(0) == true || t.Claims?.Contains(1) == true);
    }
}
