using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>The repetition check fails a recap that reads a note out again instead of restating it (issue 23).</summary>
public sealed class RecapRestatementTests
{
    static readonly ResearchNotes _research = new("Durable workflows", "merged", "test",
    [
        new("A checkpoint is a durable record of progress.", "a.md", "sentence 1", 1) { Section = "Background and definitions" },
        new("If one segment fails, only that segment is retried, and the segments that already finished are not produced again.", "a.md", "sentence 2", 0.9)
            { Section = "What happens when one part of a long running job fails halfway" },
    ], HasSources: true);

    static Script WithRecap(string recap) => new("Durable workflows",
    [
        new("Alex", "Welcome to the show. I'm Alex, and with me today is Sam. We're talking about durable workflows."),
        new("Sam", "Thanks, Alex. We'll cover background and definitions, then the takeaways."),
        new("Alex", "First, background and definitions. A checkpoint is a durable record of progress.", [0]),
        new("Sam", "Here's another piece. If one segment fails, only that segment is retried, and the segments that already finished are not produced again.", [1]),
        new("Alex", recap, Chapter: "Takeaways"),
        new("Sam", "That's a good place to stop. Thanks, Alex."),
        new("Alex", "My pleasure, Sam. Until next time, everyone."),
    ], 0);

    [Fact]
    public void Repetition_RecapReadsAWholeNoteOut_FailsNamingTheTurn()
    {
        CheckOutcome outcome = NarrativeChecks.Repetition(WithRecap("Let's wrap up with one thing to take away: a checkpoint is a durable record of progress."), _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turn 5 reads a note out again in the recap", outcome.Check.Detail, StringComparison.Ordinal);
        Assert.Contains("restate it in new words", outcome.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Repetition_RecapCopiesEightWordsOfANote_Fails()
    {
        CheckOutcome outcome = NarrativeChecks.Repetition(WithRecap("Let's wrap up. Remember that the segments that already finished are not produced again, ever."), _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turn 5 reads a note out again", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Repetition_RecapCopiesEightWordsOfAnEarlierTurnsParaphrase_Fails()
    {
        // A model's turn tells the note in its own words; the recap must not read those words out again either.
        Script script = WithRecap("Let's wrap up. When one piece breaks only that piece runs again, and that is the point.");
        var turns = script.Turns.ToList();
        turns[3] = turns[3] with { Text = "Here's another piece. When one piece breaks only that piece runs again, and the finished segments stay done." };

        CheckOutcome outcome = NarrativeChecks.Repetition(script with { Turns = turns }, _research);

        Assert.False(outcome.Check.Passed);
        Assert.Contains("turn 5 reads a note out again", outcome.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Repetition_RecapRestatesInNewWordsAndNamesLongSections_Passes()
    {
        // The second section's name is twelve words long: naming it again is what a recap does, not a copied run.
        CheckOutcome outcome = NarrativeChecks.Repetition(WithRecap(
            "Let's wrap up with two things to take away. The first is what we said about background and definitions, which comes down to the checkpoint. "
            + "The second is about what happens when one part of a long running job fails halfway, where only the failed piece runs again."), _research);

        Assert.True(outcome.Check.Passed, outcome.Check.Detail);
    }

    [Fact]
    public void Repetition_NoteToldInTheBodyOnly_IsNoRecapFinding()
    {
        CheckOutcome outcome = NarrativeChecks.Repetition(WithRecap("Let's wrap up with the one thing to take away: durable records are the point."), _research);

        Assert.True(outcome.Check.Passed, outcome.Check.Detail);
    }
}
