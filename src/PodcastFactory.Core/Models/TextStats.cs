namespace PodcastFactory.Core.Models;

/// <summary>Word counting and speaking-rate arithmetic shared by agents and evaluators.</summary>
public static class TextStats
{
    /// <summary>Average spoken words per minute used to size scripts.</summary>
    public const int WordsPerMinute = 150;

    /// <summary>Counts whitespace-separated words.</summary>
    /// <remarks>
    /// Counted without splitting: the offline script planner counts every turn of every candidate plan, and the
    /// arrays a split allocated were 5 % of an offline episode's CPU with the garbage collection they caused (issue 22).
    /// </remarks>
    public static int CountWords(string? text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text.AsSpan())
        {
            bool space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return words;
    }

    /// <summary>Target word count for a number of minutes: the one place minutes become words.</summary>
    public static int TargetWords(int minutes) => minutes * WordsPerMinute;

    /// <summary>Whole minutes (at least 1) that <paramref name="words"/> take to speak: the inverse of <see cref="TargetWords"/>.</summary>
    public static int SpokenMinutes(int words) => Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute));
}
