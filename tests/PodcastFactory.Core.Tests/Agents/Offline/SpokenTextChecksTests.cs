using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>The review fails what the offline episodes of issue 23 sounded like.</summary>
public sealed class SpokenTextChecksTests
{
    static Script Of(params (string Speaker, string Text, int[]? Claims)[] turns) =>
        new("T", turns.Select(t => new ScriptTurn(t.Speaker, t.Text, t.Claims)).ToList(), 0);

    [Fact]
    public void Check_HeadingGluedToItsFirstSentence_FailsNamingTheTurn()
    {
        CheckOutcome outcome = SpokenTextChecks.Check(Of(("Alex", "Welcome.", null),
            ("Sam", "The Core Pillars of an Orchestration Framework Effective agent orchestration isn't chaos.", [0])));

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turn 2 glued heading", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FiveStepPlanFoldedIntoOneSentence_Fails()
    {
        CheckOutcome outcome = SpokenTextChecks.Check(Of(("Alex", "The plan has five steps: define the goal of the system, pick the agents and their tools, write the hand-off rules, add a reviewer; and agent Assignment and AI Skills.", [0])));

        Assert.Contains("turn 1 folded list", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ThinEchoOfThePreviousTurn_Fails()
    {
        CheckOutcome outcome = SpokenTextChecks.Check(Of(("Alex", "Every post goes through the review queue before it is published.", [0]),
            ("Sam", "Post, noted. The queue is checked by two editors.", [1])));

        Assert.Contains("turn 2 thin echo \"Post, noted.\"", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FragmentQuestion_Fails()
    {
        CheckOutcome outcome = SpokenTextChecks.Check(Of(("Alex", "Where does agent best come in?", null),
            ("Sam", "Agents are best used when a task needs several tools in a row.", [0])));

        Assert.Contains("turn 1 fragment or unanswered question", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_QuestionTheNextTurnAnswers_AndANameAsSubject_Pass()
    {
        CheckOutcome outcome = SpokenTextChecks.Check(Of(("Alex", "Next up: why do gardens fail?", null),
            ("Sam", "Azure Durable Functions uses an append-only history, and the most common reason a garden closes is the loss of its land.", [0]),
            ("Alex", "That's a useful distinction.", null)));

        Assert.True(outcome.Check.Passed, outcome.Check.Detail);
    }
}
