namespace PodcastFactory.Core.Models;

/// <summary>Agent names as they appear in the ledger and manifest.</summary>
public static class AgentNames
{
    /// <summary>Research agent.</summary>
    public const string Research = "research";
    /// <summary>Script writer (first draft and revisions).</summary>
    public const string ScriptWriter = "script-writer";
    /// <summary>Quality evaluator.</summary>
    public const string Evaluator = "quality-evaluator";
    /// <summary>Social-media writer.</summary>
    public const string SocialWriter = "social-writer";
    /// <summary>Audio synthesizer (text to speech).</summary>
    public const string AudioSynthesizer = "audio-synthesizer";
}
