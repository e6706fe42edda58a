namespace PodcastFactory.Core.Agents.Offline;

/// <summary>The names of the script review checks, shared by the evaluator and the script writer.</summary>
public static class CheckNames
{
    /// <summary>Word count against the target length.</summary>
    public const string Length = "length";

    /// <summary>The top key points of the research appear in the script.</summary>
    public const string Coverage = "coverage";

    /// <summary>Each host speaks 35%..65% of the words.</summary>
    public const string Balance = "balance";

    /// <summary>No turn exceeds the speech provider's input limit.</summary>
    public const string SegmentLimit = "segment-limit";

    /// <summary>Claims cite valid notes and match them; uncited turns state no facts.</summary>
    public const string Grounding = "grounding";

    /// <summary>Both hosts appear, they alternate, and there is an intro and an outro.</summary>
    public const string Structure = "structure";
}
