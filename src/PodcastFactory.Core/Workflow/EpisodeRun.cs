using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;

// Logging here goes through EpisodeRun.Log, which is the context's CreateReplaySafeLogger(); the analyzer cannot follow
// a logger through a property, so its rule is silenced for this file only.
#pragma warning disable DURABLE0010

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// One episode's orchestration state (a first production, or a re-voice running the pipeline's tail): the context, a
/// replay-safe logger, the ledger, warnings, stage records and progress. Everything it holds is derived from activity results and the orchestration clock, so a replay rebuilds
/// it exactly; its logger writes only when the orchestrator is not replaying.
/// </summary>
public sealed class EpisodeRun(TaskOrchestrationContext context, EpisodeInput input)
{
    readonly List<string> _warnings = [];
    readonly List<StageRecord> _stages = [];
    readonly List<string> _artifacts = [];

    /// <summary>The orchestration context.</summary>
    public TaskOrchestrationContext Context { get; } = context;

    /// <summary>A logger that is silent during replay; one category for an episode's runs, re-voices included, so one filter sees them all.</summary>
    public ILogger Log { get; } = context.CreateReplaySafeLogger<EpisodeOrchestrator>();

    /// <summary>The episode input.</summary>
    public EpisodeInput Input { get; } = input;

    /// <summary>The episode id.</summary>
    public string Id => Input.EpisodeId;

    /// <summary>The cost ledger.</summary>
    public CostLedger Ledger { get; } = new();

    /// <summary>Warnings so far.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Stage records so far.</summary>
    public IReadOnlyList<StageRecord> StageRecords => _stages;

    /// <summary>Artifacts produced so far (deduplicated, in order).</summary>
    public IReadOnlyList<string> Artifacts => _artifacts;

    /// <summary>What the episode has cost so far as the last budget check read it from the journal (or the ledger, whichever is more).</summary>
    public decimal SpentUsd { get; private set; }

    /// <summary>
    /// True when spending <paramref name="estimateUsd"/> more would exceed the budget. The spending is read from the
    /// cost journal (an activity, so replay sees the same figure): it also knows attempts that failed or crashed.
    /// </summary>
    public async Task<bool> OverBudgetAsync(decimal estimateUsd)
    {
        if (Input.Request.BudgetUsd is not { } budget)
        {
            return false;
        }

        Activities.EpisodeCostOutput journal = await Activities.EpisodeCostActivity.ReadAsync(Context, Id);
        SpentUsd = Math.Max(journal.TotalUsd, Ledger.TotalUsd);
        return SpentUsd + estimateUsd > budget;
    }

    /// <summary>Marks a stage as started, publishes its progress from the <see cref="Stages"/> table, and returns its clock.</summary>
    public StageClock Begin(string stage)
    {
        Publish(stage, Stages.StartPercent(stage));
        Logs.StageStarted(Log, Id, stage);
        return new StageClock(stage, Context.CurrentUtcDateTime);
    }

    /// <summary>Records a stage as completed.</summary>
    public void Complete(StageClock stage, string detail)
    {
        double ms = End(stage, StageStatus.Completed, detail);
        Logs.StageCompleted(Log, Id, stage.Name, ms, detail);
    }

    /// <summary>Records a stage as failed; for optional stages the reason also becomes a warning.</summary>
    public void Fail(StageClock stage, string reason, bool warn)
    {
        double ms = End(stage, StageStatus.Failed, reason);
        Logs.StageFailed(Log, Id, stage.Name, ms, reason);
        if (warn)
        {
            Warn($"{stage.Name}: {reason}");
        }
    }

    /// <summary>Records a stage that did not run, with the reason (also a warning when <paramref name="warn"/>).</summary>
    public void Skip(string stage, string reason, bool warn)
    {
        _stages.Add(new StageRecord(stage, StageStatus.Skipped, Context.CurrentUtcDateTime, 0, reason));
        Logs.StageSkipped(Log, Id, stage, reason);
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

    /// <summary>Records agent calls in the ledger under a stage.</summary>
    public void Spent(string stage, params IEnumerable<AgentUsage> usages)
    {
        foreach (AgentUsage usage in usages)
        {
            Ledger.Record(stage, usage);
        }
    }

    /// <summary>Publishes the current progress.</summary>
    public void Publish(string stage, int percent) =>
        Context.SetCustomStatus(new EpisodeProgress(stage, percent, Ledger.TotalUsd, _warnings.ToList()));

    /// <summary>Logs the episode's start (replay-safe).</summary>
    public void LogStarted() => Logs.EpisodeStarted(
        Log, Id, Input.Request.Priority.ToString(), Input.Request.Depth.ToString(), Input.Request.TargetMinutes, Input.Sources.Count);

    /// <summary>Logs a critical stage's failure with what was spent (replay-safe).</summary>
    public void LogFailed(EpisodeStageFailedException failure) => Logs.EpisodeFailed(Log, Id, failure.Stage, failure.Message, Ledger.TotalUsd);

    /// <summary>Logs the outcome with its cost (replay-safe).</summary>
    public void LogFinished(string outcome) => Logs.EpisodeFinished(Log, Id, outcome, Ledger.TotalUsd, _warnings.Count);

    /// <summary>Formats with the invariant culture (stage details and warnings are stored, not shown localized).</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    double End(StageClock stage, StageStatus status, string detail)
    {
        double ms = (Context.CurrentUtcDateTime - stage.Start).TotalMilliseconds;
        _stages.Add(new StageRecord(stage.Name, status, stage.Start, ms, detail));
        return ms;
    }
}

/// <summary>A running stage: its name and when it started (orchestration time).</summary>
public sealed record StageClock(string Name, DateTime Start);
