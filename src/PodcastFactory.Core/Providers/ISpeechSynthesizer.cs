using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Providers;

/// <summary>Text-to-speech provider.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>Provider name for the ledger.</summary>
    string Name { get; }

    /// <summary>The format every segment is produced in (all segments of an episode share it).</summary>
    AudioFormat Format { get; }

    /// <summary>
    /// The provider, model and every setting that changes the sound, as part of the speech content key: speech with the
    /// same text, voice and cache key is reused instead of synthesized again. Defaults to <see cref="Name"/>.
    /// </summary>
    string CacheKey => Name;

    /// <summary>Largest input, in characters, one call accepts.</summary>
    int MaxInputCharacters { get; }

    /// <summary>
    /// Why this provider cannot speak with <paramref name="voice"/> (naming the valid voices), or null when it can: asked
    /// when an episode is requested or a script's voice is changed, before anything is paid. Defaults to no check.
    /// </summary>
    Task<string?> CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>
    /// Why this provider cannot speak <paramref name="language"/> at all (no voice for it), or null: asked at start, so a
    /// language it cannot serve is refused before research is paid. Defaults to none (multilingual providers).
    /// </summary>
    Task<string?> CheckLanguageAsync(string language, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>
    /// A warning when <paramref name="voice"/> will be spoken by another voice in <paramref name="language"/> (flite's
    /// English-only voices become espeak-ng's voice for the language), or null. Defaults to none.
    /// </summary>
    string? VoiceSubstitution(string voice, string language) => null;

    /// <summary>Speaks <paramref name="text"/> with <paramref name="voice"/>, writing encoded audio to <paramref name="output"/>.</summary>
    Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken);

    /// <summary>
    /// Speaks directed speech (marks, style, lexicon) in the provider's own form. A provider without a form of its own says
    /// the plain text: lexicon applied, pauses as a comma, emphasis as the plain words, the style unspoken.
    /// </summary>
    Task<AgentUsage> SynthesizeAsync(SpeechInput input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SynthesizeAsync(input.PlainText(","), input.Voice, input.Language, output, cancellationToken);
    }
}
