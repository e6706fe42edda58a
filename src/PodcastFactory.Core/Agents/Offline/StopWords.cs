using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Function words that carry no topical meaning and are ignored when ranking and matching: those of every embedded
/// language (<see cref="LanguagePacks.IsStopWord"/>), so a Spanish or German source is ranked by its content words.
/// </summary>
internal static class StopWords
{
    /// <summary>True when <paramref name="word"/> (lower-case) is a stop word.</summary>
    public static bool Contains(string word) => LanguagePacks.IsStopWord(word);
}
