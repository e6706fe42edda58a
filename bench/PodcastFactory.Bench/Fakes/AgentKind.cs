namespace PodcastFactory.Bench.Fakes;

/// <summary>The provider calls that get injected latency.</summary>
public enum AgentKind
{
    /// <summary>One research angle.</summary>
    Research,
    /// <summary>A script draft or revision.</summary>
    Script,
    /// <summary>A script review.</summary>
    Review,
    /// <summary>The social post.</summary>
    Social,
    /// <summary>One speech segment.</summary>
    Speech,
}
