using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodcastFactory.Bench.Latency;

/// <summary>Latency of one kind of provider call: a mean and a uniform jitter of +/- <see cref="JitterMs"/>.</summary>
public sealed record AgentLatency(double MeanMs, double JitterMs)
{
    /// <summary>No latency.</summary>
    public static readonly AgentLatency None = new(0, 0);

    /// <summary>Draws one latency from <paramref name="random"/>; never negative.</summary>
    public double Sample(Random random) =>
        JitterMs <= 0 ? Math.Max(0, MeanMs) : Math.Max(0, MeanMs + ((random.NextDouble() * 2) - 1) * JitterMs);
}

/// <summary>Injected latency per agent, loaded from a JSON profile that mirrors real model latencies.</summary>
public sealed record LatencyProfile(
    string Name,
    string Source,
    AgentLatency Research,
    AgentLatency Script,
    AgentLatency Review,
    AgentLatency Social,
    AgentLatency Speech)
{
    static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>No latency at all: what is left is orchestration, agent CPU work and artifact I/O.</summary>
    public static readonly LatencyProfile Zero = new("zero", "none", AgentLatency.None, AgentLatency.None, AgentLatency.None, AgentLatency.None, AgentLatency.None);

    /// <summary>Parses a profile; every agent must be present.</summary>
    public static LatencyProfile Parse(string json)
    {
        LatencyProfile profile = JsonSerializer.Deserialize<LatencyProfile>(json, _json)
            ?? throw new InvalidDataException("The latency profile is JSON null.");
        if (profile.Research is null || profile.Script is null || profile.Review is null || profile.Social is null || profile.Speech is null)
        {
            throw new InvalidDataException("A latency profile needs research, script, review, social and speech entries.");
        }

        return profile;
    }

    /// <summary>Loads a profile file.</summary>
    public static LatencyProfile Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Every mean and jitter multiplied by <paramref name="factor"/> (quick runs keep the shape, not the size).</summary>
    public LatencyProfile Scaled(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        return this with
        {
            Research = Scale(Research, factor),
            Script = Scale(Script, factor),
            Review = Scale(Review, factor),
            Social = Scale(Social, factor),
            Speech = Scale(Speech, factor),
        };
    }

    static AgentLatency Scale(AgentLatency latency, double factor) => new(latency.MeanMs * factor, latency.JitterMs * factor);
}
