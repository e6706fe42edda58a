namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The conversational lines of the offline script. They connect and react but never state a fact: every factual
/// sentence in an offline script is a research note. Variants are picked by position, so output is deterministic.
/// </summary>
internal static class DialogueTemplates
{
    static readonly string[] _reactions =
    [
        "That's a useful place to start.",
        "That makes sense.",
        "Interesting, I hadn't thought of it that way.",
        "Good point.",
        "Right, that's worth remembering.",
        "That's a helpful way to put it.",
        "I like that framing.",
    ];

    static readonly string[] _leads =
    [
        "Here's another point from the research.",
        "The research also makes this point.",
        "Building on that, here's the next key point.",
        "Another thing that stood out.",
        "There's a related point here.",
    ];

    static readonly string[] _questions =
    [
        "What else did the research turn up?",
        "Is there more to it than that?",
        "Where does that leave us?",
        "What should listeners keep in mind here?",
    ];

    static readonly string[] _answers =
    [
        "Good question.",
        "Glad you asked.",
        "Well, here's one more thing.",
        "Let me pick that up.",
    ];

    /// <summary>Host A opens the show.</summary>
    public static string Welcome(string host, string cohost, string topic) =>
        $"Welcome to the show. I'm {host}, and with me today is {cohost}. We're talking about {topic}.";

    /// <summary>Host B replies, setting expectations about the sources.</summary>
    public static string IntroReply(string host, bool hasSources, bool hasNotes) => (hasSources, hasNotes) switch
    {
        (_, true) => $"Thanks, {host}. Everything we cover today comes from the research notes, so let's get into it.",
        (true, false) => $"Thanks, {host}. One thing listeners should know: the sources we were given had no usable key points, so we won't state anything as fact today.",
        _ => $"Thanks, {host}. One thing listeners should know: no sources were supplied for this episode, so we won't state anything as fact today.",
    };

    /// <summary>Closing line of an episode that had nothing to present.</summary>
    public static string NothingToPresent(string topic) =>
        $"Right. When there are sources to work from, we can come back to {topic} properly. Thanks for listening.";

    /// <summary>Lead-in of the first key point.</summary>
    public const string FirstLead = "Let's start with the point that came up most in the research.";

    /// <summary>Reaction to the other host's point, then a lead-in to the next one.</summary>
    public static string ReactAndLead(int turn) => $"{Pick(_reactions, turn)} {Pick(_leads, turn)}";

    /// <summary>Lead-in after the other host asked a follow-up question.</summary>
    public static string Answer(int turn) => Pick(_answers, turn);

    /// <summary>A follow-up question that asks for more without adding anything.</summary>
    public static string Question(int turn) => $"{Pick(_reactions, turn + 3)} {Pick(_questions, turn)}";

    /// <summary>Wrap-up by the host who did not present the last point.</summary>
    public static string WrapUp(int turn, string topic, string cohost) =>
        $"{Pick(_reactions, turn)} That covers the key points we found on {topic}. Thanks for listening, and thanks, {cohost}.";

    /// <summary>Final sign-off.</summary>
    public static string SignOff(string cohost) => $"Thanks, {cohost}. Until next time, everyone.";

    static string Pick(string[] options, int index) => options[Math.Abs(index) % options.Length];
}
