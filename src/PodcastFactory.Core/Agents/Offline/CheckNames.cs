namespace PodcastFactory.Core.Agents.Offline;

/// <summary>The names of the script review checks, shared by the evaluator and the script writer.</summary>
public static class CheckNames
{
    /// <summary>Word count against the target length.</summary>
    public const string Length = "length";

    /// <summary>The top key points of the research appear in the script.</summary>
    public const string Coverage = "coverage";

    /// <summary>Each host carries a fair share of the words (two hosts 35%..65%, three or four at least 15% each).</summary>
    public const string Balance = "balance";

    /// <summary>No turn exceeds the speech provider's input limit.</summary>
    public const string SegmentLimit = "segment-limit";

    /// <summary>Claims cite valid notes and match them; uncited turns state no facts.</summary>
    public const string Grounding = "grounding";

    /// <summary>Both hosts appear, they alternate, and there is an intro and an outro.</summary>
    public const string Structure = "structure";

    /// <summary>Every stated note is a full sentence: no heading, navigation text, question or fragment.</summary>
    public const string Fragments = "fragments";

    /// <summary>No stated note is an instruction lifted out of its list.</summary>
    public const string ListItems = "list-items";

    /// <summary>No connecting line is said twice, no note is told twice outside the recap, and the recap restates instead of reading a note out.</summary>
    public const string Repetition = "repetition";

    /// <summary>An intro that says what the episode covers, sections opened by transitions, a recap before the sign-off.</summary>
    public const string Arc = "arc";

    /// <summary>The spoken text has no glued heading, folded list, thin echo or fragment question (<see cref="SpokenTextChecks"/>).</summary>
    public const string SpokenText = "spoken-text";

    /// <summary>The script is in the episode's language, by its share of function words (<see cref="LanguageCheck"/>).</summary>
    public const string Language = "language";
}
