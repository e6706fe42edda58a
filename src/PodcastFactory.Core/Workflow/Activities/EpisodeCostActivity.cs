using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>What the episode has cost so far according to its journal (every run, every attempt).</summary>
/// <param name="PaidUsd">Answered calls.</param>
/// <param name="PossiblyBilledUsd">Estimates of calls whose answer was lost.</param>
public sealed record EpisodeCostOutput(decimal PaidUsd, decimal PossiblyBilledUsd)
{
    /// <summary>The total that never under-reports.</summary>
    public decimal TotalUsd => PaidUsd + PossiblyBilledUsd;
}

/// <summary>
/// Reads the episode's cost journal for a budget check: the orchestrator's own ledger only knows steps that
/// returned, the journal also knows attempts that failed, crashed or are still in flight.
/// </summary>
public sealed class EpisodeCostActivity(IArtifactStore store) : TaskActivity<string, EpisodeCostOutput>
{
    /// <summary>Calls this activity from an orchestration (episode or re-voice) for <paramref name="episodeId"/>.</summary>
    public static Task<EpisodeCostOutput> ReadAsync(TaskOrchestrationContext context, string episodeId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<EpisodeCostOutput>(nameof(EpisodeCostActivity), episodeId, RetryPolicies.StorageOptions);
    }

    /// <inheritdoc />
    public override async Task<EpisodeCostOutput> RunAsync(TaskActivityContext context, string episodeId)
    {
        CostJournal journal = await JournalReader.ReadAsync(store, ArtifactNames.Journal(episodeId));
        return new EpisodeCostOutput(journal.PaidUsd, journal.PossiblyBilledUsd);
    }
}
