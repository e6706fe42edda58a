namespace PodcastFactory.Core.Models.Speech;

/// <summary>What one piece of a segment is: plain words, words the lexicon says differently, or a pause.</summary>
public enum SpokenPartKind
{
    /// <summary>Words spoken as written.</summary>
    Words,

    /// <summary>A lexicon entry's written form, spoken as its <c>say</c> (or its IPA where the provider takes IPA).</summary>
    Lexicon,

    /// <summary>A <c>[pause]</c> mark: silence of <see cref="SpeechMarks.PauseMs"/>.</summary>
    Pause,
}

/// <summary>One piece of a segment as a provider renders it (<see cref="SpokenText.Parse"/>).</summary>
/// <param name="Kind">Words, a lexicon entry or a pause.</param>
/// <param name="Written">The text as the script writes it (marks removed); empty for a pause.</param>
/// <param name="Spoken">What plain-text providers say: the written words, or the entry's <c>say</c>; empty for a pause.</param>
/// <param name="Emphasis">True inside a <c>*...*</c> mark.</param>
/// <param name="Ipa">The entry's IPA, for a lexicon part that has one.</param>
public sealed record SpokenPart(SpokenPartKind Kind, string Written, string Spoken, bool Emphasis = false, string? Ipa = null);
