namespace PodcastFactory.Core.Models;

/// <summary>A value produced by an agent together with what producing it cost.</summary>
public sealed record AgentResult<T>(T Value, AgentUsage Usage);
