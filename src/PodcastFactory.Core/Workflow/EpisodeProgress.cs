namespace PodcastFactory.Core.Workflow;

/// <summary>Published with <c>SetCustomStatus</c> before each stage: small, typed, and read by the status API.</summary>
/// <param name="Stage">The stage now running, one of <see cref="Stages"/>.</param>
/// <param name="Percent">Rough completion, 0..100.</param>
/// <param name="CostUsd">Cost so far.</param>
/// <param name="Warnings">Warnings so far.</param>
public sealed record EpisodeProgress(string Stage, int Percent, decimal CostUsd, IReadOnlyList<string> Warnings);
