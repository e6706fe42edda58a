using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents;

/// <summary>Scores a script against the research: grounding, length, structure, balance, style.</summary>
public interface IEvaluatorAgent
{
    /// <summary>Returns pass/fail with concrete suggestions.</summary>
    Task<AgentResult<ScriptReview>> EvaluateAsync(ScriptBrief brief, Script script, ResearchNotes research, CancellationToken cancellationToken);
}
