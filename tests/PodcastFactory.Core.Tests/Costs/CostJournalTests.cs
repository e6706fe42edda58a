using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Costs;

public sealed class CostJournalTests
{
    static readonly DateTimeOffset _t0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Totals_AnsweredAtPriceLostAtEstimateRefusedAtNothing()
    {
        var journal = new CostJournal([Attempt("a", AttemptOutcome.Failed, 0, 5,
            Call(1, PaidCallState.Answered, cost: 0.10m, estimate: 0.05m),
            Call(2, PaidCallState.NotBilled, cost: 0m, estimate: 0.05m),
            Call(3, PaidCallState.AnswerLost, cost: 0m, estimate: 0.05m),
            Call(4, PaidCallState.Intent, cost: 0m, estimate: 0.02m))]);

        Assert.Equal(0.10m, journal.PaidUsd);
        Assert.Equal(0.07m, journal.PossiblyBilledUsd);
        Assert.Equal(0.17m, journal.TotalUsd);
        Assert.Equal(2, journal.PossiblyBilled().Count);
        AgentCostSummary research = Assert.Single(journal.ByAgent());
        Assert.Equal(1, research.Calls);
        Assert.Equal(0.17m, research.CostUsd);
    }

    [Fact]
    public void Interruptions_ParallelStepsKilledTogether_OneInterruptionFromTheLastSignOfLifeToTheFirstRestart()
    {
        // Two angles alive at 10 s and 12 s, the process dies, both restart at 40 s and 41 s.
        var journal = new CostJournal([
            Attempt("angle-1", AttemptOutcome.Unfinished, 0, 10),
            Attempt("angle-2", AttemptOutcome.Succeeded, 1, 12), // finished, but its result died with the process
            Attempt("angle-1", AttemptOutcome.Succeeded, 40, 45),
            Attempt("angle-2", AttemptOutcome.Reused, 41, 42),
        ]);

        Interruption interruption = Assert.Single(journal.Interruptions());
        Assert.Equal(_t0.AddSeconds(12), interruption.LastSeenAt);
        Assert.Equal(_t0.AddSeconds(40), interruption.ResumedAt);
        Assert.Equal(28_000, interruption.DowntimeMs);
        Assert.Equal(["angle-1", "angle-2"], interruption.ResumedSteps.Order());
    }

    [Fact]
    public void Interruptions_FailedAttemptRetried_IsNotAnInterruption()
    {
        var journal = new CostJournal([Attempt("s", AttemptOutcome.Failed, 0, 1), Attempt("s", AttemptOutcome.Succeeded, 3, 4)]);

        Assert.Empty(journal.Interruptions());
    }

    [Fact]
    public void Interruptions_TwoCrashes_TwoInterruptions()
    {
        var journal = new CostJournal([
            Attempt("research", AttemptOutcome.Unfinished, 0, 5),
            Attempt("research", AttemptOutcome.Succeeded, 20, 22),
            Attempt("script", AttemptOutcome.Unfinished, 23, 25),
            Attempt("script", AttemptOutcome.Succeeded, 60, 61),
        ]);

        IReadOnlyList<Interruption> found = journal.Interruptions();

        Assert.Equal(2, found.Count);
        Assert.Equal(15_000, found[0].DowntimeMs);
        Assert.Equal(35_000, found[1].DowntimeMs);
    }

    [Fact]
    public void DowntimeWithin_CountsOnlyTheOverlap()
    {
        Interruption down = new(_t0.AddSeconds(10), _t0.AddSeconds(30), 20_000, ["s"]);

        Assert.Equal(20_000, CostJournal.DowntimeWithin([down], _t0, 60_000));
        Assert.Equal(5_000, CostJournal.DowntimeWithin([down], _t0.AddSeconds(25), 60_000));
        Assert.Equal(0, CostJournal.DowntimeWithin([down], _t0.AddSeconds(31), 10_000));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, PaidCallState.NotBilled)]
    [InlineData(HttpRequestError.NameResolutionError, PaidCallState.NotBilled)]
    [InlineData(HttpRequestError.ResponseEnded, PaidCallState.AnswerLost)]
    public void Classify_NeverSentIsNotBilled_BrokenAnswerIsPossiblyBilled(HttpRequestError error, PaidCallState expected)
    {
        var failure = new InvalidOperationException("wrapped", new HttpRequestException(error, "network"));

        Assert.Equal(expected, PaidCalls.Classify(failure).State);
    }

    [Fact]
    public void Classify_ProviderRefusal_NotBilled() =>
        Assert.Equal(PaidCallState.NotBilled, PaidCalls.Classify(new NonRetryableException("401")).State);

    static JournalAttempt Attempt(string step, AttemptOutcome outcome, int startSecond, int lastSecond, params JournalEntry[] calls) =>
        new("ep", step, Guid.NewGuid().ToString("N"), "host:1", _t0.AddSeconds(startSecond), _t0.AddSeconds(lastSecond), outcome, calls);

    static JournalEntry Call(int seq, PaidCallState state, decimal cost, decimal estimate) =>
        new(seq, AgentNames.Research, "azure-openai", "gpt-4o-mini", "tokens", state, state == PaidCallState.Answered ? 100 : 0, 0, cost, estimate, 1, _t0.AddSeconds(seq));
}
