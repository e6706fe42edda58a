using Microsoft.DurableTask;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The orchestrator's bookkeeping for one episode: ledger, warnings, stage records and progress. Everything it
/// holds is derived from activity results and the orchestration clock, so a replay rebuilds it exactly.
/// </summary>
public sealed class EpisodeRun(TaskOrchestrationContext context, EpisodeInput input)
{
    readonly List<string> _warnings = [];
    readonly List<StageRecord> _stages = [];
    readonly List<string> _artifacts = [];

    /// <summary>The episode input.</summary>
    public EpisodeInput Input { get; } = input;

    /// <summary>The cost ledger.</summary>
    public CostLedger Ledger { get; } = new();

    /// <summary>Warnings so far.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Stage records so far.</summary>
    public IReadOnlyList<StageRecord> StageRecords => _stages;

    /// <summary>Artifacts produced so far (deduplicated, in order).</summary>
    public IReadOnlyList<string> Artifacts => _artifacts;

    /// <summary>True when spending <paramref name="estimateUsd"/> more would exceed the budget.</summary>
    public bool OverBudget(decimal estimateUsd) => Ledger.WouldExceed(Input.Request.BudgetUsd, estimateUsd);

    /// <summary>Marks a stage as started, publishes progress, and returns its clock.</summary>
    public StageClock Begin(string stage, int percent)
    {
        Publish(stage, percent);
        return new StageClock(stage, context.CurrentUtcDateTime);
    }

    /// <summary>Records a stage as completed.</summary>
    public void Complete(StageClock stage, string detail) => End(stage, StageStatus.Completed, detail);

    /// <summary>Records a stage as failed; for optional stages the reason also becomes a warning.</summary>
    public void Fail(StageClock stage, string reason, bool warn)
    {
        End(stage, StageStatus.Failed, reason);
        if (warn)
        {
            Warn($"{stage.Name}: {reason}");
        }
    }

    /// <summary>Records a stage that did not run, with the reason (also a warning when <paramref name="warn"/>).</summary>
    public void Skip(string stage, string reason, bool warn)
    {
        _stages.Add(new StageRecord(stage, StageStatus.Skipped, context.CurrentUtcDateTime, 0, reason));
        if (warn)
        {
            Warn($"{stage}: {reason}");
        }
    }

    /// <summary>Adds a warning.</summary>
    public void Warn(string warning) => _warnings.Add(warning);

    /// <summary>Records produced artifacts.</summary>
    public void Produced(params string?[] names)
    {
        foreach (string? name in names)
        {
            if (name is not null && !_artifacts.Contains(name))
            {
                _artifacts.Add(name);
            }
        }
    }

    /// <summary>Records an agent call in the ledger under a stage.</summary>
    public void Spent(string stage, AgentUsage usage) => Ledger.Record(stage, usage);

    /// <summary>Publishes the current progress.</summary>
    public void Publish(string stage, int percent) =>
        context.SetCustomStatus(new EpisodeProgress(stage, percent, Ledger.TotalUsd, _warnings.ToList()));

    void End(StageClock stage, StageStatus status, string detail) =>
        _stages.Add(new StageRecord(stage.Name, status, stage.Start, (context.CurrentUtcDateTime - stage.Start).TotalMilliseconds, detail));
}

/// <summary>A running stage: its name and when it started (orchestration time).</summary>
public sealed record StageClock(string Name, DateTime Start);
