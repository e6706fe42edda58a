using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>What the script writer is asked to produce.</summary>
/// <param name="Topic">Episode topic.</param>
/// <param name="Hosts">The cast, 1-4 hosts (names are the speaker labels).</param>
/// <param name="TargetMinutes">Target spoken length.</param>
/// <param name="Language">Language code.</param>
/// <param name="MaxTurnCharacters">No turn may be longer than this (the speech provider's input limit).</param>
/// <param name="Format">The episode's format (<see cref="EpisodeFormats"/>): the arc both writers follow and the judge holds them to.</param>
/// <param name="Instructions">The producer's instructions for the writer and the judge, or null.</param>
public sealed record ScriptBrief(string Topic, IReadOnlyList<HostVoice> Hosts, int TargetMinutes, string Language, int MaxTurnCharacters,
    string Format = EpisodeFormats.DeepDive, string? Instructions = null);

/// <summary>Writes and revises the script for the episode's cast and format.</summary>
public interface IScriptAgent
{
    /// <summary>Writes the first draft from the merged research.</summary>
    Task<AgentResult<Script>> WriteAsync(ScriptBrief brief, ResearchNotes research, CancellationToken cancellationToken);

    /// <summary>Revises a script, applying the evaluator's suggestions.</summary>
    Task<AgentResult<Script>> ReviseAsync(ScriptBrief brief, ResearchNotes research, Script previous, ScriptReview review, CancellationToken cancellationToken);

    /// <summary>
    /// Why this writer has no polish pass, or null when <see cref="PolishAsync"/> rewrites. Read before paying, so a
    /// writer whose drafts already talk naturally is skipped (and the stage record says why) instead of called for nothing.
    /// </summary>
    string? NoPolishReason { get; }

    /// <summary>
    /// The languages (primary subtags) this writer can write, or null for any (a model writes what it is told): read at
    /// start, so a language the writer has no lines for is refused before anything is paid. Defaults to any.
    /// </summary>
    IReadOnlyList<string>? Languages => null;

    /// <summary>
    /// Rewrites a script that passed review for natural conversation (varied reactions, follow-up questions answered by
    /// the next turn, transitions between sections), keeping every citation; the result is reviewed again before use.
    /// </summary>
    Task<AgentResult<Script>> PolishAsync(ScriptBrief brief, ResearchNotes research, Script passed, CancellationToken cancellationToken);
}
