namespace PodcastFactory.Local.Cli.Progress;

/// <summary>What the CLI shows of a running episode at one moment: the orchestration's progress and the clock's view of it.</summary>
/// <param name="Stage">The stage now running, or the runtime status before the first progress is published.</param>
/// <param name="Percent">Rough completion, 0..100, as the orchestrator publishes it.</param>
/// <param name="CostUsd">Cost so far.</param>
/// <param name="Warnings">Warnings so far.</param>
/// <param name="Elapsed">Time since the CLI began following the episode.</param>
/// <param name="Remaining">Estimated time left; null while there is nothing to estimate from.</param>
/// <param name="HasProgress">False until the orchestrator has published progress (only a runtime status is known).</param>
public sealed record ProgressSnapshot(string Stage, int Percent, decimal CostUsd, int Warnings, TimeSpan Elapsed, TimeSpan? Remaining, bool HasProgress = true);
