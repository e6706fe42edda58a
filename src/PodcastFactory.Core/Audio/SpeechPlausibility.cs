using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// Whether synthesized audio can be the text it was asked to speak. A provider that answers with a fraction of a
/// second for a sentence (a truncated or empty answer) must not end as a "completed" episode, so such a segment is a
/// failed synthesis: retried by the speech policy, then the audio stage fails.
/// </summary>
public static class SpeechPlausibility
{
    /// <summary>Shortest plausible share of the expected duration (the expected duration is at <see cref="TextStats.WordsPerMinute"/>).</summary>
    public const double MinShareOfExpected = 1.0 / 3;

    /// <summary>Texts shorter than this many words are not judged (a single "Yes." may be spoken very fast).</summary>
    public const int MinWordsJudged = 4;

    /// <summary>The expected duration of <paramref name="text"/> at the sizing speaking rate.</summary>
    public static TimeSpan Expected(string text) => TimeSpan.FromMinutes(TextStats.CountWords(text) / (double)TextStats.WordsPerMinute);

    /// <summary>Throws <see cref="InvalidDataException"/> (retryable) when <paramref name="actual"/> is implausibly short for <paramref name="text"/>.</summary>
    public static void EnsurePlausible(string text, TimeSpan actual, string what)
    {
        if (TextStats.CountWords(text) < MinWordsJudged)
        {
            return;
        }

        TimeSpan expected = Expected(text);
        if (actual < expected * MinShareOfExpected)
        {
            throw new InvalidDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{what}: {actual.TotalSeconds:0.00} s of audio for {TextStats.CountWords(text)} words (expected about {expected.TotalSeconds:0.0} s; at least a third is required)."));
        }
    }
}
