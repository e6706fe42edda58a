using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>One agent's sampling as sent: temperature (null: left out of the request) and an output-token cap (null: the call's own).</summary>
public sealed record AgentSampling(float? Temperature, int? MaxOutputTokens)
{
    /// <summary>Nothing set: the model's default temperature and the call's own cap.</summary>
    public static readonly AgentSampling Default = new(null, null);
}

/// <summary>The sampling of every text agent, by ledger agent name (<see cref="AgentNames"/>), from <see cref="TextModelOptions"/>.</summary>
/// <param name="ByAgent">Sampling per agent name; agents not listed get <see cref="AgentSampling.Default"/>.</param>
public sealed record ChatSampling(IReadOnlyDictionary<string, AgentSampling> ByAgent)
{
    /// <summary>No settings: every agent at the model's defaults.</summary>
    public static readonly ChatSampling None = new(new Dictionary<string, AgentSampling>());

    /// <summary>The sampling of <paramref name="agent"/>.</summary>
    public AgentSampling For(string agent) => ByAgent.TryGetValue(agent, out AgentSampling? sampling) ? sampling : AgentSampling.Default;

    /// <summary>From the settings; temperatures left out everywhere when <see cref="TextModelOptions.SendTemperature"/> is false.</summary>
    public static ChatSampling From(TextModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AgentSampling Of(AgentSamplingOptions? o) =>
            new(options.SendTemperature && o?.Temperature is { } t ? (float)t : null, o?.MaxOutputTokens);
        return new ChatSampling(new Dictionary<string, AgentSampling>(StringComparer.Ordinal)
        {
            [AgentNames.ScriptWriter] = Of(options.Writer),
            [AgentNames.Evaluator] = Of(options.Judge),
            [AgentNames.Research] = Of(options.Researcher),
            [AgentNames.SocialWriter] = Of(options.SocialWriter),
        });
    }
}
