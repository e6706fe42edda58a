namespace PodcastFactory.Core.Models;

/// <summary>
/// One pronunciation: how a written word or phrase is said. Used by an episode request (<c>lexicon</c>), and shaped to
/// serve a show's lexicon as well. At least one of <paramref name="Say"/> and <paramref name="Ipa"/> is given; providers
/// that speak IPA (Azure SSML <c>phoneme</c>) use <paramref name="Ipa"/>, the others say <paramref name="Say"/> (or the
/// written text when only IPA is given).
/// </summary>
/// <param name="Text">The written form, matched as whole words (e.g. "SQL", "Nginx", "Saoirse").</param>
/// <param name="Say">How to say it, in plain words of the episode's language (e.g. "sequel").</param>
/// <param name="Ipa">Its pronunciation in the International Phonetic Alphabet (e.g. "ˈsɪərʃə").</param>
public sealed record LexiconEntry(string Text, string? Say = null, string? Ipa = null)
{
    /// <summary>Most entries in one lexicon.</summary>
    public const int MaxEntries = 200;

    /// <summary>Longest written form.</summary>
    public const int MaxTextCharacters = 64;

    /// <summary>Longest <see cref="Say"/> and <see cref="Ipa"/>.</summary>
    public const int MaxSayCharacters = 128;
}
