using System.Text.Json.Serialization;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Providers.ElevenLabs;

/// <summary>
/// ElevenLabs <c>voice_settings</c> for one segment: the configured <c>Speech:Stability</c> and
/// <c>Speech:SimilarityBoost</c>, moved by the host's style (<see cref="StyleCues"/>): a lively style ("excited",
/// "cheerful"...) lowers stability by 0.2 (0.3 with "very") and sets the style exaggeration to 0.3 (0.5 with "very"); a calm
/// one ("calm", "steady", "serious"...) raises stability by 0.2 and keeps style at 0; "clear", "crisp" or "consistent"
/// raise similarity by 0.1; pace words set <c>speed</c> (0.9 "slower", 1.1 "faster", within ElevenLabs' 0.7-1.2). Values
/// stay within 0-1. Without a style only stability and similarity are sent, as before.
/// </summary>
/// <param name="Stability">stability, 0-1.</param>
/// <param name="SimilarityBoost">similarity_boost, 0-1.</param>
/// <param name="Style">style exaggeration, 0-1; null when the host has no style.</param>
/// <param name="Speed">speed, 0.7-1.2; null at the voice's own pace.</param>
public sealed record ElevenLabsVoiceSettings(
    [property: JsonPropertyName("stability")] double Stability,
    [property: JsonPropertyName("similarity_boost")] double SimilarityBoost,
    [property: JsonPropertyName("style"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Style = null,
    [property: JsonPropertyName("speed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Speed = null)
{
    static readonly string[] _clear = ["clear", "crisp", "consistent"];

    /// <summary>The settings for <paramref name="style"/> on top of the configured <paramref name="stability"/> and <paramref name="similarity"/>.</summary>
    public static ElevenLabsVoiceSettings For(string? style, double stability, double similarity)
    {
        if (string.IsNullOrWhiteSpace(style))
        {
            return new ElevenLabsVoiceSettings(stability, similarity);
        }

        StyleCues cues = StyleCues.Of(style);
        double exaggeration = cues.Expressiveness switch { >= 2 => 0.5, 1 => 0.3, _ => 0.0 };
        double stabilityShift = cues.Expressiveness switch { >= 2 => -0.3, 1 => -0.2, -1 => 0.2, _ => 0.0 };
        string lower = style.ToLowerInvariant();
        double similarityShift = _clear.Any(w => lower.Contains(w, StringComparison.Ordinal)) ? 0.1 : 0.0;
        return new ElevenLabsVoiceSettings(
            Unit(stability + stabilityShift),
            Unit(similarity + similarityShift),
            exaggeration,
            cues.Rate == 1.0 ? null : Math.Round(Math.Clamp(cues.Rate, 0.7, 1.2), 2));
    }

    static double Unit(double value) => Math.Round(Math.Clamp(value, 0.0, 1.0), 3);
}
