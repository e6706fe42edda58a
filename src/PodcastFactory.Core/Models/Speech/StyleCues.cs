using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Models.Speech;

/// <summary>
/// What a host's free-text style says about pace, pitch and expressiveness, read from plain words (the mapping is
/// documented in docs/voices.md#direction-per-host). Providers with a rate, pitch or expressiveness control use it: Azure
/// prosody, ElevenLabs voice settings, flite and espeak-ng rate. "very" or "much" before a word doubles its step.
/// </summary>
/// <param name="Rate">Speaking rate factor: 1 as the voice speaks, 0.9 for "slow"/"slower"/"slowly"/"unhurried", 1.1 for "fast"/"faster"/"quick"/"quickly"/"brisk"/"rapid" (0.8 and 1.2 with "very"/"much").</param>
/// <param name="PitchPercent">Pitch change in percent: -5 for "low"/"lower"/"deep"/"deeper", +5 for "high"/"higher"/"bright"/"brighter" (±10 with "very"/"much").</param>
/// <param name="Expressiveness">-1 for calm words ("calm", "steady", "measured", "serious", "neutral", "composed", "even"), +1 for lively ones ("excited", "cheerful", "energetic", "enthusiastic", "animated", "expressive", "playful", "lively", "dramatic", "emotional"), 2 with "very"/"much" before a lively word, 0 otherwise.</param>
public sealed partial record StyleCues(double Rate, int PitchPercent, int Expressiveness)
{
    /// <summary>No cue: the voice as it is.</summary>
    public static readonly StyleCues None = new(1.0, 0, 0);

    static readonly string[] _slow = ["slow", "slower", "slowly", "unhurried"], _fast = ["fast", "faster", "quick", "quickly", "brisk", "rapid"];
    static readonly string[] _low = ["low", "lower", "deep", "deeper"], _high = ["high", "higher", "bright", "brighter"];
    static readonly string[] _calm = ["calm", "steady", "measured", "serious", "neutral", "composed", "even"];
    static readonly string[] _lively = ["excited", "cheerful", "energetic", "enthusiastic", "animated", "expressive", "playful", "lively", "dramatic", "emotional"];

    /// <summary>True when the style asks for nothing these cues can express.</summary>
    public bool IsNone => this == None;

    /// <summary>The cues of <paramref name="style"/> (null or blank: <see cref="None"/>). The first word of each kind decides.</summary>
    public static StyleCues Of(string? style)
    {
        if (string.IsNullOrWhiteSpace(style))
        {
            return None;
        }

        string[] words = [.. Word().Matches(style.ToLowerInvariant()).Select(m => m.Value)];
        double rate = 1.0;
        int pitch = 0, expressive = 0;
        bool rateSet = false, pitchSet = false, expressiveSet = false;
        for (int i = 0; i < words.Length; i++)
        {
            int step = i > 0 && words[i - 1] is "very" or "much" ? 2 : 1;
            if (!rateSet && (_slow.Contains(words[i]) || _fast.Contains(words[i])))
            {
                (rate, rateSet) = (1.0 + (_fast.Contains(words[i]) ? 0.1 : -0.1) * step, true);
            }
            else if (!pitchSet && (_low.Contains(words[i]) || _high.Contains(words[i])))
            {
                (pitch, pitchSet) = ((_high.Contains(words[i]) ? 5 : -5) * step, true);
            }
            else if (!expressiveSet && (_calm.Contains(words[i]) || _lively.Contains(words[i])))
            {
                (expressive, expressiveSet) = (_lively.Contains(words[i]) ? step : -1, true);
            }
        }

        return new StyleCues(Math.Round(rate, 2), pitch, expressive);
    }

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Word();
}
