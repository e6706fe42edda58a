using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// Content-addressed speech: a segment's audio is named after the hash of everything that decides its sound (text,
/// voice, the provider and model, language, audio format), so the same speech is stored once per episode and reused by
/// every revision that says the same thing with the same voice.
/// </summary>
public static class SpeechContent
{
    /// <summary>Version of the key; bump it when something else starts to change the sound.</summary>
    /// <remarks>
    /// v2: flite voices speak at a per-voice rate (issue 23), so v1 audio of the same text sounds different. v3: slt is
    /// back at its own pace (v2 slowed it by 15 %), so v2 audio of slt differs.
    /// </remarks>
    public const string KeyVersion = "speech-v3";

    /// <summary>SHA-256 (hex) of the speech's content key.</summary>
    /// <param name="text">What is spoken.</param>
    /// <param name="voice">The voice identifier.</param>
    /// <param name="provider">The speech provider and model (<c>ISpeechSynthesizer.CacheKey</c>).</param>
    /// <param name="language">The language.</param>
    /// <param name="format">The audio format, e.g. <c>Wav</c> or <c>Mp3</c>.</param>
    public static string Hash(string text, string voice, string provider, string language, string format) =>
        InputHash.Of(KeyVersion, text, voice, provider, language, format);

    /// <summary>
    /// SHA-256 (hex) of directed speech: the key above plus the host's style and the lexicon entries that change this
    /// segment (never the whole lexicon, so editing an entry re-voices only the segments it touches). Undirected speech (no
    /// style, no entry) keeps the key above, so audio stored before direction existed is still reused.
    /// </summary>
    /// <param name="text">What is spoken, with its marks.</param>
    /// <param name="voice">The voice identifier.</param>
    /// <param name="provider">The speech provider and model (<c>ISpeechSynthesizer.CacheKey</c>).</param>
    /// <param name="language">The language.</param>
    /// <param name="format">The audio format.</param>
    /// <param name="style">The host's style, or null.</param>
    /// <param name="lexicon">The lexicon entries that change the text, or null/empty.</param>
    public static string Hash(string text, string voice, string provider, string language, string format, string? style, IReadOnlyList<LexiconEntry>? lexicon) =>
        string.IsNullOrWhiteSpace(style) && (lexicon is null || lexicon.Count == 0)
            ? Hash(text, voice, provider, language, format)
            : InputHash.Of(KeyVersion, text, voice, provider, language, format, "direction", style?.Trim() ?? "", lexicon ?? []);

    /// <summary>The artifact of speech with <paramref name="hash"/>: <c>{id}/speech/{hash}.{ext}</c>.</summary>
    public static string Name(string episodeId, string hash, string extension) => $"{episodeId}/speech/{hash}.{extension}";

    /// <summary>The folder of an episode's speech.</summary>
    public static string Folder(string episodeId) => $"{episodeId}/speech/";
}
