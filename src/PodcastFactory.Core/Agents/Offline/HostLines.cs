using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The other host's part in an offline script. Questions come from the source's own structure, never from a stray
/// phrase: a section's heading (asked as it stands when the heading is a question), or the subject of a definition the
/// next note gives ("So what is durable execution?"); each is answered by the very next turn. Reactions vary and never
/// echo the last speaker's words back ("Crash, noted." said nothing). Every pattern is used at most once per episode,
/// in a fixed order, so no line comes back and output stays deterministic; when a pool runs out, the host simply says
/// nothing extra. No line adds a fact.
/// </summary>
/// <param name="notes">The research notes the questions are about.</param>
/// <param name="solo">A narrator alone: reactions to one's own words would ring false, so only bridges lead in.</param>
internal sealed class HostLines(IReadOnlyList<ResearchNote> notes, bool solo = false)
{
    static readonly string[] _definitionQuestions = ["So what is {0}?", "What exactly is {0}?", "What do we mean by {0}?"];
    static readonly string[] _pluralDefinitionQuestions = ["So what are {0}?", "What exactly are {0}?"];
    static readonly string[] _meaningQuestions = ["What does {0} mean?", "And what does {0} mean, exactly?"];

    // Asked right after the section's heading was named, so they point back to it instead of repeating it.
    static readonly string[] _headingQuestions =
    [
        "What's the idea there?", "Where does that start?", "What should listeners know about it?", "How does that work?",
        "Why does that matter?", "What do the sources say about it?", "Can you walk me through it?", "What's at the heart of it?",
    ];

    static readonly string[] _reactions =
    [
        "That's a useful distinction.", "Okay, that changes how I'd think about it.", "That makes sense, and it matters later.",
        "I like that, because it's concrete.", "Huh. I wouldn't have guessed that.", "That's the part people tend to miss.",
        "Fair. And there's a consequence to that.", "Right, and that leads somewhere.", "Good, that's clear.",
        "That's worth slowing down on.", "I can picture that.", "That answers something I was wondering.",
        "Okay, so the details matter here.", "That's reassuring, actually.", "Interesting, that's not obvious.",
        "Good, that fits with what we heard earlier.", "That's a nice way to see it.", "Hm, that's a trade-off.",
    ];

    static readonly string[] _answers = ["Good question.", "Sure.", "Glad you asked.", "Here's how the sources put it."];

    static readonly string[] _bridges =
    [
        "Here's another piece.", "There's more to it.", "Let me add to that.", "And a related point.", "Another piece of the picture.",
        "Building on that.", "There's a second side to this.", "One more thing here.", "Here's where it gets practical.",
        "And this part surprised me.", "Related to that.",
    ];

    readonly Dictionary<string[], int> _next = new(ReferenceEqualityComparer.Instance);
    int _told;

    /// <summary>A question whose answer is note <paramref name="index"/>'s definition, or null when the note defines nothing or none is left.</summary>
    public string? Question(int index)
    {
        if (ClaimPhrases.Definition(notes[index].Text) is not (string subject, string verb))
        {
            return null;
        }

        string[] pool = verb switch
        {
            "means" => _meaningQuestions,
            "are" => _pluralDefinitionQuestions,
            _ => _definitionQuestions,
        };
        return Take(pool, subject);
    }

    /// <summary>
    /// The question about a section whose <paramref name="heading"/> was just named: none when the heading is itself a
    /// question (it was asked as it stands), else one from the pool; null when none is left.
    /// </summary>
    public string? HeadingQuestion(string heading) => heading.Trim().EndsWith('?') ? "" : Take(_headingQuestions, "");

    /// <summary>
    /// A short reaction after a note was told (every other note, so reactions stay occasional), or a bridge to the next
    /// note; null when both pools are used up. The parameter is the note told, kept for callers' readability.
    /// </summary>
    public string? FollowUp(int index)
    {
        _ = index;
        _told++;
        return (!solo && _told % 2 == 1 ? Take(_reactions, "") : null) ?? Take(_bridges, "");
    }

    /// <summary>A short reaction, or null when none is left (a debate's and a panel's hosts react to each other).</summary>
    public string? Reaction() => Take(_reactions, "");

    /// <summary>A bridge to the next note, or null when none is left.</summary>
    public string? Bridge() => Take(_bridges, "");

    /// <summary>A short acknowledgement before answering a question, or null when none is left.</summary>
    public string? Answer() => Take(_answers, "");

    string? Take(string[] pool, string phrase)
    {
        int next = _next.GetValueOrDefault(pool);
        if (next >= pool.Length)
        {
            return null;
        }

        _next[pool] = next + 1;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, pool[next], phrase);
    }
}
