using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>What a paid step produces and from what: its output artifact and the hash of everything it was made from.</summary>
/// <param name="EpisodeId">The episode (for logs and the journal's place).</param>
/// <param name="Run">The orchestration instance that scheduled the step (<c>TaskActivityContext.InstanceId</c>): its journal is per run.</param>
/// <param name="Agent">The agent that is paid, one of <see cref="AgentNames"/>.</param>
/// <param name="UnitKind">The ledger unit of a reused output ("words" for text agents, "characters" for speech).</param>
/// <param name="Artifact">The output artifact whose stored input hash decides whether the call is needed.</param>
/// <param name="InputHash">Hash of the step's whole input (record and content read), see <see cref="InputHash"/>.</param>
/// <param name="Slot">
/// Which use of a shared output this is, when one run can ask for the same output twice (two segments with the same
/// text and voice share one content-addressed speech file): each use keeps its own journal, so neither reports the other's cost.
/// </param>
public sealed record PaidStepKey(string EpisodeId, string Run, string Agent, string UnitKind, string Artifact, string InputHash, string? Slot = null);

/// <summary>A paid step's output and what the step cost over all its attempts in this run.</summary>
/// <param name="Value">The output.</param>
/// <param name="Usage">The step agent's calls, every attempt of this run (answered, plus possibly billed).</param>
/// <param name="OtherUsages">Calls of other agents made inside the step (web searches of a research angle).</param>
public sealed record PaidStepResult<T>(T Value, AgentUsage Usage, IReadOnlyList<AgentUsage> OtherUsages);

/// <summary>
/// The one owner of the money rules. An agent call whose output already exists for the same input hash is not made
/// again (a retried or replayed activity reuses it); otherwise the agent is called and its output saved with the
/// hash. Every provider call of the step is journaled while it runs (<see cref="StepJournal"/>), and what the step
/// returns as its cost is read back from the journal of all its attempts in this run: calls answered in an attempt
/// that later failed, or in one that finished just before a crash, are counted, and so is what may have been billed.
/// </summary>
public sealed class PaidStep(IArtifactStore store, ILogger<PaidStep> logger)
{
    /// <summary>Opens the journal of this attempt: calls made on this async flow are recorded until it is disposed.</summary>
    public StepJournal Open(PaidStepKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new StepJournal(store, key.EpisodeId, key.Run is { Length: > 0 } ? key.Run : key.EpisodeId, key.Slot is null ? key.Artifact : $"{key.Artifact}/{key.Slot}");
    }

    /// <summary>Reuses the output of <paramref name="key"/> when it is up to date, else calls <paramref name="pay"/> and saves the result.</summary>
    /// <param name="key">The step's output artifact and input hash.</param>
    /// <param name="reuse">Reads the stored output.</param>
    /// <param name="pay">Calls the agent (the paid part).</param>
    /// <param name="save">Writes the output (with <see cref="PaidStepKey.InputHash"/>), before the step returns.</param>
    public async Task<PaidStepResult<T>> RunAsync<T>(PaidStepKey key, Func<Task<T>> reuse, Func<Task<AgentResult<T>>> pay, Func<T, Task> save)
    {
        using StepJournal journal = Open(key);
        await journal.StartAsync();
        return await RunAsync(journal, key, reuse, pay, save);
    }

    /// <summary>As <see cref="RunAsync{T}(PaidStepKey, Func{Task{T}}, Func{Task{AgentResult{T}}}, Func{T, Task})"/>, in a journal the caller opened and started (for work done before the step's own call).</summary>
    public async Task<PaidStepResult<T>> RunAsync<T>(StepJournal journal, PaidStepKey key, Func<Task<T>> reuse, Func<Task<AgentResult<T>>> pay, Func<T, Task> save)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(key);
        var clock = Stopwatch.StartNew();
        // A copy of this step (or of another step making the same output) running now in this process is waited for,
        // so its output is reused instead of paid for twice.
        using IDisposable making = await StepsInFlight.EnterAsync($"{store.Location}|{key.Artifact}");
        bool reused = await store.IsUpToDateAsync(key.Artifact, key.InputHash, CancellationToken.None);
        T value;
        AgentUsage? unjournaled = null;
        try
        {
            if (reused)
            {
                value = await reuse();
                Logs.CacheHit(logger, key.EpisodeId, key.Agent, key.Artifact);
            }
            else
            {
                AgentResult<T> result = await pay();
                await save(result.Value);
                value = result.Value;
                AgentUsage usage = result.Usage;
                unjournaled = journal.Answered(key.Agent) ? null : usage;

                Logs.PaidCall(logger, key.EpisodeId, key.Agent, key.Artifact, usage.Provider, usage.TotalUnits, usage.UnitKind, usage.CostUsd, usage.DurationMs);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The durable retry policy decides what happens next; failures that retrying cannot fix are not retried.
            await journal.FinishAsync(AttemptOutcome.Failed);
            Logs.PaidCallFailed(logger, key.EpisodeId, key.Agent, key.Artifact, ex is NonRetryableException ? "not retried" : "retryable", ex.Message);
            throw;
        }

        await journal.FinishAsync(reused ? AttemptOutcome.Reused : AttemptOutcome.Succeeded, unjournaled);
        CostJournal step = await JournalReader.ReadStepAsync(store, journal);
        double ms = clock.Elapsed.TotalMilliseconds;
        return new PaidStepResult<T>(
            value,
            step.UsageOf(key.Agent, key.UnitKind, reused, ms),
            step.Agents.Where(a => a != key.Agent).Select(a => step.UsageOf(a, key.UnitKind, reused, ms)).ToList());
    }
}
