namespace PodcastFactory.Core.Models;

/// <summary>Estimated cost of upcoming calls, from the price table of the configured providers.</summary>
/// <param name="ResearchCallUsd">One research call.</param>
/// <param name="ScriptCallUsd">One script draft or revision.</param>
/// <param name="ReviewCallUsd">One review.</param>
/// <param name="SocialCallUsd">One social post.</param>
/// <param name="SpeechUsdPerMillionCharacters">Speech price.</param>
public sealed record CostEstimates(decimal ResearchCallUsd, decimal ScriptCallUsd, decimal ReviewCallUsd, decimal SocialCallUsd, decimal SpeechUsdPerMillionCharacters)
{
    /// <summary>Offline providers: everything is free.</summary>
    public static readonly CostEstimates Free = new(0, 0, 0, 0, 0);

    /// <summary>Characters of speech per word of script: 5.98 on the README example's segments, spaces and punctuation included.</summary>
    public const int SpokenCharactersPerWord = 6;

    /// <summary>Estimated cost of speaking <paramref name="characters"/> characters.</summary>
    public decimal Speech(long characters) => SpeechUsdPerMillionCharacters * characters / 1_000_000m;

    /// <summary>Estimated cost of speaking a script of <paramref name="words"/> words, before its segments are planned.</summary>
    public decimal SpeechOfWords(int words) => Speech((long)Math.Max(0, words) * SpokenCharactersPerWord);
}
