using System.Globalization;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Providers.AzureSpeech;

/// <summary>
/// A host's style in Azure's SSML terms: <c>mstts:express-as style</c> when the text names one of Azure's speaking styles
/// ("cheerful", "calm", "narration-professional", also written with spaces: "narration professional"), and
/// <c>prosody</c> rate and pitch from its pace and pitch words (<see cref="StyleCues"/>: "slower" is rate -10%, "a little
/// higher" pitch +5%). A voice that lacks the named style speaks in its default manner (Azure ignores it).
/// </summary>
/// <param name="ExpressAs">The Azure speaking style, or null.</param>
/// <param name="Rate">The prosody rate (e.g. "-10%"), or null.</param>
/// <param name="Pitch">The prosody pitch (e.g. "+5%"), or null.</param>
public sealed partial record AzureSpeechStyle(string? ExpressAs, string? Rate, string? Pitch)
{
    /// <summary>Azure's speaking styles (the documented <c>express-as</c> values; each voice supports some of them).</summary>
    public static readonly IReadOnlyList<string> KnownStyles =
    [
        "advertisement_upbeat", "affectionate", "angry", "assistant", "calm", "chat", "cheerful", "customerservice", "depressed",
        "disgruntled", "documentary-narration", "embarrassed", "empathetic", "envious", "excited", "fearful", "friendly", "gentle",
        "hopeful", "lyrical", "narration-professional", "narration-relaxed", "newscast", "newscast-casual", "newscast-formal",
        "poetry-reading", "sad", "serious", "shouting", "sports_commentary", "sports_commentary_excited", "terrified", "unfriendly",
        "whispering",
    ];

    /// <summary>No direction.</summary>
    public static readonly AzureSpeechStyle None = new(null, null, null);

    /// <summary>The SSML direction of <paramref name="style"/> (null or blank: <see cref="None"/>).</summary>
    public static AzureSpeechStyle Of(string? style)
    {
        if (string.IsNullOrWhiteSpace(style))
        {
            return None;
        }

        // Words joined by single spaces, so "narration  professional" and "narration-professional" both read as one phrase.
        string words = " " + string.Join(' ', Word().Matches(style.ToLowerInvariant()).Select(m => m.Value)) + " ";
        string? expressAs = KnownStyles
            .OrderByDescending(s => s.Length)
            .FirstOrDefault(s => words.Contains(" " + s.Replace('-', ' ').Replace('_', ' ') + " ", StringComparison.Ordinal));
        StyleCues cues = StyleCues.Of(style);
        return new AzureSpeechStyle(
            expressAs,
            cues.Rate == 1.0 ? null : Percent((cues.Rate - 1.0) * 100),
            cues.PitchPercent == 0 ? null : Percent(cues.PitchPercent));
    }

    static string Percent(double value) => ((int)Math.Round(value)).ToString("+0;-0", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
