using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The other host's part in an offline script: a question that leads into the next note, built from that note's own
/// words, and a follow-up that picks up the words of the note just told. Every pattern is used at most once per
/// episode, in a fixed order, so no line comes back and output stays deterministic; when a pool runs out, the host
/// simply says nothing extra. Lines echo the note's words and never add a fact of their own.
/// </summary>
internal sealed class HostLines(IReadOnlyList<ResearchNote> notes)
{
    static readonly string[] _definitionQuestions = ["So what is {0}?", "What exactly is {0}?", "What do we mean by {0}?"];
    static readonly string[] _pluralDefinitionQuestions = ["So what are {0}?", "What exactly are {0}?"];
    static readonly string[] _meaningQuestions = ["What does {0} mean?", "And what does {0} mean, exactly?"];

    static readonly string[] _phraseQuestions =
    [
        "What about {0}?", "Where does {0} come in?", "What did the sources say about {0}?", "And how does {0} fit in?",
        "What's the story with {0}?", "Why does {0} matter?", "What should we know about {0}?", "How does {0} come into it?",
        "And {0}, what's that about?", "Can you say more about {0}?", "What's the deal with {0}?",
        "And what happens with {0}?", "Is there a catch with {0}?", "Walk me through {0}.", "What did you find on {0}?",
    ];

    static readonly string[] _followUps =
    [
        "{0}. That's the part I'd underline.", "Right, {0}.", "{0}, noted.", "Okay, {0}. Good to know.",
        "{0}. I hadn't thought of it that way.", "So {0} is the piece to hold on to.", "{0}. That's a clear way to put it.",
        "Huh, {0}. That makes sense.", "Got it: {0}.", "{0}, that's worth remembering.", "Interesting, {0}.",
        "{0}. I'm with you so far.", "Mm, {0}. Let's keep going.", "{0}. Good.",
        "Ah, {0}. Okay.", "{0}, I like that.", "{0}. That helps.", "Fair enough, {0}.", "Noted: {0}.",
        "{0}. That clears it up.", "Okay, so {0}.", "{0}. Keep going.", "Right, so that's {0}.", "{0}. Makes sense to me.",
        "I see, {0}.", "{0}. That's useful.",
    ];

    static readonly string[] _answers = ["Good question.", "Sure.", "Glad you asked."];

    static readonly string[] _bridges =
    [
        "Here's another one.", "There's more.", "Next point.", "One more from the notes.", "And another thing.",
        "Let's add to that.", "Now, something related.", "Another piece of the picture.",
    ];

    readonly ClaimPhrases _phrases = ClaimPhrases.For(notes);
    readonly Dictionary<string[], int> _next = new(ReferenceEqualityComparer.Instance);

    /// <summary>A question about note <paramref name="index"/> built from its words, or null when none is left.</summary>
    public string? Question(int index)
    {
        string text = notes[index].Text;
        if (ClaimPhrases.Definition(text) is (string subject, string verb))
        {
            string[] pool = verb switch
            {
                "means" => _meaningQuestions,
                "are" => _pluralDefinitionQuestions,
                _ => _definitionQuestions,
            };
            if (Take(pool, subject) is string definition)
            {
                return definition;
            }
        }

        return _phrases.KeyPhrase(text) is string phrase ? Take(_phraseQuestions, phrase) : null;
    }

    /// <summary>
    /// A follow-up that picks up the words of note <paramref name="index"/>; when those run out, a short bridge to the
    /// next note; null when both are used up.
    /// </summary>
    public string? FollowUp(int index) =>
        (_phrases.KeyPhrase(notes[index].Text) is string phrase ? Capitalise(Take(_followUps, phrase)) : null) ?? Take(_bridges, "");

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

    static string? Capitalise(string? text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
