namespace PodcastFactory.Core.Models;

/// <summary>Word counting and speaking-rate arithmetic shared by agents and evaluators.</summary>
public static class TextStats
{
    /// <summary>Average spoken words per minute used to size scripts.</summary>
    public const int WordsPerMinute = 150;

    /// <summary>Counts whitespace-separated words.</summary>
    public static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Target word count for a number of minutes: the one place minutes become words.</summary>
    public static int TargetWords(int minutes) => minutes * WordsPerMinute;

    /// <summary>Whole minutes (at least 1) that <paramref name="words"/> take to speak: the inverse of <see cref="TargetWords"/>.</summary>
    public static int SpokenMinutes(int words) => Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute));
}
