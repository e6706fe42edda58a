using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Costs.Journal;

/// <summary>Hands a journal entry that reached its end to the metrics, so they count what the journal counts.</summary>
public static class JournalMetrics
{
    /// <summary>Records <paramref name="entry"/> when it is resolved (answered, not billed, answer lost); intents and waits are not ends.</summary>
    public static void Resolved(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string? state = entry.State switch
        {
            PaidCallState.Answered => "answered",
            PaidCallState.NotBilled => "not_billed",
            PaidCallState.AnswerLost => "answer_lost",
            _ => null,
        };
        if (state is null)
        {
            return;
        }

        PodcastMetrics.CallResolved(new CallFigures(
            entry.Agent, entry.Provider, entry.Model, entry.UnitKind, state,
            entry.InputUnits, entry.OutputUnits, entry.ChargeUsd, entry.PossiblyBilled, entry.DurationMs));
    }
}
