using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>What a paid step produces and from what: its output artifact and the hash of everything it was made from.</summary>
/// <param name="EpisodeId">The episode (for logs).</param>
/// <param name="Agent">The agent that is paid, one of <see cref="AgentNames"/>.</param>
/// <param name="UnitKind">The ledger unit of a reused output ("words" for text agents, "characters" for speech).</param>
/// <param name="Artifact">The output artifact whose stored input hash decides whether the call is needed.</param>
/// <param name="InputHash">Hash of the step's whole input (record and content read), see <see cref="InputHash"/>.</param>
public sealed record PaidStepKey(string EpisodeId, string Agent, string UnitKind, string Artifact, string InputHash);

/// <summary>
/// The one owner of the money rule: an agent call whose output already exists for the same input hash is not made
/// again (a retried or replayed activity reuses it, recorded as a zero-cost cache hit); otherwise the agent is called
/// and its output saved with the hash. Every call, reuse and failure is logged with the episode and artifact.
/// </summary>
public sealed class PaidStep(IArtifactStore store, ILogger<PaidStep> logger)
{
    /// <summary>Reuses the output of <paramref name="key"/> when it is up to date, else calls <paramref name="pay"/> and saves the result.</summary>
    /// <param name="key">The step's output artifact and input hash.</param>
    /// <param name="reuse">Reads the stored output.</param>
    /// <param name="pay">Calls the agent (the paid part).</param>
    /// <param name="save">Writes the output (with <see cref="PaidStepKey.InputHash"/>), before the step returns.</param>
    public async Task<AgentResult<T>> RunAsync<T>(PaidStepKey key, Func<Task<T>> reuse, Func<Task<AgentResult<T>>> pay, Func<T, Task> save)
    {
        ArgumentNullException.ThrowIfNull(key);
        var clock = Stopwatch.StartNew();
        if (await store.IsUpToDateAsync(key.Artifact, key.InputHash, CancellationToken.None))
        {
            T cached = await reuse();
            Logs.CacheHit(logger, key.EpisodeId, key.Agent, key.Artifact);
            return new AgentResult<T>(cached, AgentUsage.CacheHitFor(key.Agent, key.UnitKind, clock.Elapsed.TotalMilliseconds));
        }

        AgentResult<T> result;
        try
        {
            result = await pay();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The durable retry policy decides what happens next; failures that retrying cannot fix are not retried.
            Logs.PaidCallFailed(logger, key.EpisodeId, key.Agent, key.Artifact, ex is NonRetryableException ? "not retried" : "retryable", ex.Message);
            throw;
        }

        await save(result.Value);
        AgentUsage usage = result.Usage;
        Logs.PaidCall(logger, key.EpisodeId, key.Agent, key.Artifact, usage.Provider, usage.TotalUnits, usage.UnitKind, usage.CostUsd, usage.DurationMs);
        return result;
    }
}
