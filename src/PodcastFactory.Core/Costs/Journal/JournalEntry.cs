namespace PodcastFactory.Core.Costs.Journal;

/// <summary>Where one provider call stands in the journal.</summary>
public enum PaidCallState
{
    /// <summary>About to be sent (recorded before sending). Left like this only when the process died: possibly billed.</summary>
    Intent,

    /// <summary>The provider answered; its usage is paid, whether the answer was usable or not.</summary>
    Answered,

    /// <summary>The provider refused the call (4xx, 429, 5xx) or it was never sent: not billed.</summary>
    NotBilled,

    /// <summary>Sent, but the answer was lost (timeout, broken connection): possibly billed, at the estimate.</summary>
    AnswerLost,

    /// <summary>
    /// Refused for now (429 or 5xx) and waiting to be sent again: nothing is in flight, so nothing is billed. A call
    /// left like this was never sent again (the process died while it waited), and costs nothing.
    /// </summary>
    Waiting,
}

/// <summary>One provider call as the cost journal records it.</summary>
/// <param name="Seq">Order within the attempt (1-based).</param>
/// <param name="Agent">Agent that paid for it (<see cref="Models.AgentNames"/> or "web-search").</param>
/// <param name="Provider">Provider that served it.</param>
/// <param name="Model">Model, voice engine or search service.</param>
/// <param name="UnitKind">"tokens", "characters" or "requests".</param>
/// <param name="State">Where the call stands.</param>
/// <param name="InputUnits">Input units of an answered call.</param>
/// <param name="OutputUnits">Output units of an answered call.</param>
/// <param name="CostUsd">Priced cost of an answered call.</param>
/// <param name="EstimateUsd">What the call was expected to cost when it was sent (the possibly-billed figure).</param>
/// <param name="DurationMs">Wall time until the answer (or the failure).</param>
/// <param name="At">When the call was last updated.</param>
/// <param name="Detail">Why it was not billed or was lost.</param>
public sealed record JournalEntry(
    int Seq,
    string Agent,
    string Provider,
    string? Model,
    string UnitKind,
    PaidCallState State,
    long InputUnits,
    long OutputUnits,
    decimal CostUsd,
    decimal EstimateUsd,
    double DurationMs,
    DateTimeOffset At,
    string? Detail = null)
{
    /// <summary>True when the provider may have charged for the call but no answer was recorded.</summary>
    public bool PossiblyBilled => State is PaidCallState.Intent or PaidCallState.AnswerLost;

    /// <summary>What the call counts for in a total that never under-reports: its cost, or its estimate when possibly billed.</summary>
    public decimal ChargeUsd => State switch
    {
        PaidCallState.Answered => CostUsd,
        PaidCallState.Intent or PaidCallState.AnswerLost => EstimateUsd,
        _ => 0m,
    };
}
