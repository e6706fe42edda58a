using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Whether an offline voice id (espeak-ng <c>en-us+f3</c>, flite <c>flite:slt</c>) sounds female, so a cloud speech
/// provider can stand in a voice of the same kind for the default hosts instead of refusing them.
/// </summary>
public static partial class OfflineVoiceGender
{
    /// <summary>True for a female offline voice, false for another offline voice, null when <paramref name="voice"/> is not an offline voice id.</summary>
    public static bool? IsFemale(string voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        string trimmed = voice.Trim();
        if (FliteVoices.IsFlite(trimmed))
        {
            return FliteVoices.Known.Contains(trimmed[FliteVoices.Prefix.Length..], StringComparer.OrdinalIgnoreCase)
                ? FliteVoices.EspeakFallback(trimmed).Contains("+f", StringComparison.Ordinal)
                : null;
        }

        Match match = EspeakVariant().Match(trimmed);
        return match.Success ? match.Groups["kind"].Value.Equals("f", StringComparison.OrdinalIgnoreCase) : null;
    }

    // An espeak-ng LANGUAGE+VARIANT id; a bare language is not a voice choice.
    [GeneratedRegex(@"^[a-z]{2,3}(-[a-z0-9]{2,8})*\+(?<kind>[a-z]+?)\d*$", RegexOptions.IgnoreCase)]
    private static partial Regex EspeakVariant();
}
