using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// Length is honest: when the material cannot fill the requested minutes (the script the gate passed is well short of
/// the target), the episode says so with the minutes it can fill, instead of silently delivering a third of them.
/// The warning reaches the status, the manifest and the CLI's summary like every other warning.
/// </summary>
public static class EpisodeLength
{
    /// <summary>Share of the target's words below which the episode warns (the writers' own lower tolerance).</summary>
    public const double MinShare = 0.75;

    /// <summary>The warning for a script of <paramref name="words"/> against <paramref name="targetMinutes"/>, or null when it is long enough.</summary>
    public static string? Shortfall(int targetMinutes, int words)
    {
        int target = TextStats.TargetWords(targetMinutes);
        if (target <= 0 || words >= target * MinShare)
        {
            return null;
        }

        // Half-minute steps: "about 2.5 minutes" reads as an estimate, which it is (the rate varies by voice).
        double achievable = Math.Max(0.5, Math.Round(words / (double)TextStats.WordsPerMinute * 2, MidpointRounding.AwayFromZero) / 2);
        return string.Create(CultureInfo.InvariantCulture,
            $"length: the material fills about {achievable:0.#} of the {targetMinutes} minutes requested ({words} of {target} words, {100.0 * words / target:0} %); add sources or ask for {Math.Max(1, (int)Math.Ceiling(achievable))} minutes");
    }
}
