using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs.Journal;

/// <summary>A call the provider may have billed although no answer was recorded: listed at its estimate.</summary>
public sealed record PossiblyBilledCall(string Run, string Step, string Agent, string Provider, string? Model, decimal EstimateUsd, DateTimeOffset At, string Reason);

/// <summary>
/// A stretch when no work ran: the last journal write before it and the restart of the work it interrupted. The
/// process died somewhere inside it, so <see cref="DowntimeMs"/> is an upper bound.
/// </summary>
public sealed record Interruption(DateTimeOffset LastSeenAt, DateTimeOffset ResumedAt, double DowntimeMs, IReadOnlyList<string> ResumedSteps);

/// <summary>
/// Reads the journals of an episode's paid steps: every answered call at its price, every call whose answer was lost
/// at its estimate, and the interruptions (attempts that never ended and were started again).
/// </summary>
public sealed class CostJournal(IReadOnlyList<JournalAttempt> attempts)
{
    /// <summary>Every attempt read.</summary>
    public IReadOnlyList<JournalAttempt> Attempts { get; } = attempts;

    IEnumerable<JournalEntry> Calls => Attempts.SelectMany(a => a.Calls);

    /// <summary>Cost of the answered calls.</summary>
    public decimal PaidUsd => Calls.Where(c => c.State == PaidCallState.Answered).Sum(c => c.CostUsd);

    /// <summary>Estimate of the calls whose answer was lost.</summary>
    public decimal PossiblyBilledUsd => Calls.Where(c => c.PossiblyBilled).Sum(c => c.EstimateUsd);

    /// <summary>The total that never under-reports: paid plus possibly billed.</summary>
    public decimal TotalUsd => PaidUsd + PossiblyBilledUsd;

    /// <summary>Calls the provider may have billed without an answer being recorded.</summary>
    public IReadOnlyList<PossiblyBilledCall> PossiblyBilled() =>
        Attempts.SelectMany(a => a.Calls.Where(c => c.PossiblyBilled).Select(c => new PossiblyBilledCall(
                a.Run, a.Step, c.Agent, c.Provider, c.Model, c.EstimateUsd, c.At,
                c.State == PaidCallState.Intent ? "sent, then the process stopped before the answer was recorded" : "answer lost: " + c.Detail)))
            .OrderBy(c => c.At)
            .ToList();

    /// <summary>
    /// The journal of <paramref name="agent"/> as one usage: answered units and cost summed over every attempt,
    /// possibly billed estimates in <see cref="AgentUsage.PossiblyBilledUsd"/>. <paramref name="reused"/> marks an
    /// output this attempt took from the store instead of paying again.
    /// </summary>
    public AgentUsage UsageOf(string agent, string unitKind, bool reused, double durationMs)
    {
        List<JournalEntry> calls = Calls.Where(c => c.Agent == agent).ToList();
        List<JournalEntry> answered = calls.Where(c => c.State == PaidCallState.Answered).ToList();
        JournalEntry? last = answered.LastOrDefault() ?? calls.LastOrDefault();
        return new AgentUsage(
            agent,
            reused && answered.Count == 0 ? "cache" : last?.Provider ?? "cache",
            last?.Model,
            answered.Sum(c => c.InputUnits),
            answered.Sum(c => c.OutputUnits),
            last?.UnitKind ?? unitKind,
            reused ? durationMs : answered.Sum(c => c.DurationMs),
            answered.Sum(c => c.CostUsd),
            CacheHit: reused,
            PossiblyBilledUsd: calls.Where(c => c.PossiblyBilled).Sum(c => c.EstimateUsd));
    }

    /// <summary>The agents with calls in the journal, in first-seen order.</summary>
    public IReadOnlyList<string> Agents => Calls.Select(c => c.Agent).Distinct().ToList();

    /// <summary>Totals per agent: calls answered, units, time and cost; possibly billed estimates included in the cost.</summary>
    public IReadOnlyList<AgentCostSummary> ByAgent() =>
        Calls.GroupBy(c => c.Agent)
            .Select(g => new AgentCostSummary(
                g.Key,
                g.Count(c => c.State == PaidCallState.Answered),
                0,
                g.Where(c => c.State == PaidCallState.Answered).Sum(c => c.InputUnits + c.OutputUnits),
                g.First().UnitKind,
                g.Where(c => c.State == PaidCallState.Answered).Sum(c => c.DurationMs),
                g.Sum(c => c.ChargeUsd)))
            .ToList();

    /// <summary>
    /// Attempts that did not fail but were started again (they never ended, or their result was lost with the
    /// process), grouped by restart: each interruption runs from the last journal write before the restart to the
    /// first attempt started again.
    /// </summary>
    public IReadOnlyList<Interruption> Interruptions()
    {
        // An attempt that did not fail and was still started again: it never ended, or it ended but its result never
        // reached the orchestration (the process died first). It was alive at UpdatedAt; the next start is the resume.
        var pending = new List<(DateTimeOffset Alive, DateTimeOffset Resumed, string Step)>();
        foreach (IGrouping<(string, string), JournalAttempt> step in Attempts.GroupBy(a => (a.Run, a.Step)))
        {
            List<JournalAttempt> ordered = step.OrderBy(a => a.StartedAt).ToList();
            for (int i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i].Outcome != AttemptOutcome.Failed)
                {
                    pending.Add((ordered[i].UpdatedAt, ordered[i + 1].StartedAt, ordered[i].Step));
                }
            }
        }

        List<DateTimeOffset> signs = Attempts.SelectMany(a => a.Calls.Select(c => c.At).Append(a.StartedAt).Append(a.UpdatedAt)).ToList();
        var interruptions = new List<Interruption>();
        pending.Sort((a, b) => a.Resumed.CompareTo(b.Resumed));
        while (pending.Count > 0)
        {
            // The first restart after a crash; every attempt last alive before it died in the same crash.
            DateTimeOffset resumed = pending[0].Resumed;
            DateTimeOffset lastSeen = signs.Where(s => s < resumed).DefaultIfEmpty(resumed).Max();
            List<string> steps = pending.Where(p => p.Alive <= resumed).Select(p => p.Step).Distinct().ToList();
            if (pending.RemoveAll(p => p.Alive <= resumed) == 0)
            {
                pending.RemoveAt(0); // clocks of two machines disagree: count the restart on its own
            }

            interruptions.Add(new Interruption(lastSeen, resumed, (resumed - lastSeen).TotalMilliseconds, steps));
        }

        return interruptions;
    }

    /// <summary>How much of the window from <paramref name="start"/> lasting <paramref name="durationMs"/> fell inside an interruption.</summary>
    public static double DowntimeWithin(IReadOnlyList<Interruption> interruptions, DateTimeOffset start, double durationMs)
    {
        ArgumentNullException.ThrowIfNull(interruptions);
        DateTimeOffset end = start.AddMilliseconds(durationMs);
        double ms = 0;
        foreach (Interruption i in interruptions)
        {
            DateTimeOffset from = i.LastSeenAt > start ? i.LastSeenAt : start;
            DateTimeOffset to = i.ResumedAt < end ? i.ResumedAt : end;
            ms += Math.Max(0, (to - from).TotalMilliseconds);
        }

        return ms;
    }
}
