namespace PodcastFactory.Core.Costs.Journal;

/// <summary>How an activity attempt ended, as far as its journal knows.</summary>
public enum AttemptOutcome
{
    /// <summary>Still running, or the process died: the attempt never wrote its end.</summary>
    Unfinished,

    /// <summary>Paid for and saved its output.</summary>
    Succeeded,

    /// <summary>Found its output already made from the same input and called nothing new.</summary>
    Reused,

    /// <summary>Threw; the durable retry policy decided what came next.</summary>
    Failed,
}

/// <summary>
/// One attempt of one paid step, as written to the artifact store while it runs: every provider call it made,
/// recorded before the call is sent and again when it is answered.
/// </summary>
/// <param name="Run">The orchestration instance that scheduled the step (the episode, its audio, or a re-voice).</param>
/// <param name="Step">The step's output artifact.</param>
/// <param name="Attempt">Unique id of this attempt.</param>
/// <param name="Worker">Machine and process that ran it.</param>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="UpdatedAt">When it last wrote its journal.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Calls">Its provider calls, in order.</param>
public sealed record JournalAttempt(
    string Run,
    string Step,
    string Attempt,
    string Worker,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    AttemptOutcome Outcome,
    IReadOnlyList<JournalEntry> Calls);
