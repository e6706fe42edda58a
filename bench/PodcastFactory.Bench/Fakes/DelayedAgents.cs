using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Bench.Fakes;

/// <summary>The offline research agent (real output) plus the profile's research latency.</summary>
public sealed class DelayedResearchAgent(OfflineResearchAgent inner, LatencyInjector latency) : IResearchAgent
{
    /// <inheritdoc />
    public async Task<AgentResult<ResearchNotes>> ResearchAsync(ResearchBrief brief, IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken)
    {
        await latency.DelayAsync(AgentKind.Research, cancellationToken);
        return await inner.ResearchAsync(brief, sources, cancellationToken);
    }
}

/// <summary>The offline script agent plus the profile's script latency (drafts and revisions alike).</summary>
public sealed class DelayedScriptAgent(OfflineScriptAgent inner, LatencyInjector latency) : IScriptAgent
{
    /// <inheritdoc />
    public async Task<AgentResult<Script>> WriteAsync(ScriptBrief brief, ResearchNotes research, CancellationToken cancellationToken)
    {
        await latency.DelayAsync(AgentKind.Script, cancellationToken);
        return await inner.WriteAsync(brief, research, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AgentResult<Script>> ReviseAsync(ScriptBrief brief, ResearchNotes research, Script previous, ScriptReview review, CancellationToken cancellationToken)
    {
        await latency.DelayAsync(AgentKind.Script, cancellationToken);
        return await inner.ReviseAsync(brief, research, previous, review, cancellationToken);
    }

    /// <inheritdoc />
    public string? NoPolishReason => inner.NoPolishReason;

    /// <inheritdoc />
    public async Task<AgentResult<Script>> PolishAsync(ScriptBrief brief, ResearchNotes research, Script passed, CancellationToken cancellationToken)
    {
        await latency.DelayAsync(AgentKind.Script, cancellationToken);
        return await inner.PolishAsync(brief, research, passed, cancellationToken);
    }
}

/// <summary>The offline evaluator plus the profile's review latency.</summary>
public sealed class DelayedEvaluatorAgent(OfflineEvaluatorAgent inner, LatencyInjector latency) : IEvaluatorAgent
{
    /// <inheritdoc />
    public async Task<AgentResult<ScriptReview>> EvaluateAsync(ScriptBrief brief, Script script, ResearchNotes research, CancellationToken cancellationToken)
    {
        await latency.DelayAsync(AgentKind.Review, cancellationToken);
        return await inner.EvaluateAsync(brief, script, research, cancellationToken);
    }
}

/// <summary>The offline social agent plus the profile's social latency.</summary>
public sealed class DelayedSocialAgent(OfflineSocialAgent inner, LatencyInjector latency) : ISocialAgent
{
    /// <inheritdoc />
    public async Task<AgentResult<SocialPost>> WriteAsync(string topic, Script script, ResearchNotes research, CancellationToken cancellationToken)
    {
        await latency.DelayAsync(AgentKind.Social, cancellationToken);
        return await inner.WriteAsync(topic, script, research, cancellationToken);
    }
}
