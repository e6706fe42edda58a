using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Providers;

/// <summary>
/// One call's worth of directed speech: the text with its marks, the voice and language, the host's style and the
/// lexicon entries that apply. Every provider renders it in its own form (docs/voices.md#direction-per-host).
/// </summary>
/// <param name="Text">What is said, as the script writes it, with its <c>[pause]</c> and <c>*emphasis*</c> marks.</param>
/// <param name="Voice">The voice identifier.</param>
/// <param name="Language">The episode's language.</param>
/// <param name="Style">The host's style (free text), or null.</param>
/// <param name="Lexicon">The pronunciations that apply, or null.</param>
public sealed record SpeechInput(string Text, string Voice, string Language, string? Style = null, IReadOnlyList<LexiconEntry>? Lexicon = null)
{
    /// <summary>The text's parts under the lexicon: words, lexicon entries, pauses, each with its emphasis.</summary>
    public IReadOnlyList<SpokenPart> Parts() => SpokenText.Parse(Text, new PronunciationLexicon(Lexicon));

    /// <summary>What a plain-text provider says: lexicon applied, each pause as <paramref name="pause"/>, emphasis as the plain words.</summary>
    public string PlainText(string pause) => SpokenText.Plain(Parts(), pause);
}
