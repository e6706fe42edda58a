using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Turns a host's voice setting into an espeak-ng voice. espeak-ng voices ("en-us+m3", "de", "en-gb+f2") pass
/// through after a character check. OpenAI voice names ("alloy", "onyx", ...) map deterministically to a fixed
/// espeak-ng variant of the episode language, so a request written for OpenAI still gets two distinct voices
/// offline. Anything else is rejected rather than guessed.
/// </summary>
public static partial class EspeakVoices
{
    static readonly Dictionary<string, string> _openAiVariants = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alloy"] = "f2", ["ash"] = "m1", ["ballad"] = "m2", ["coral"] = "f1", ["echo"] = "m3", ["fable"] = "m4",
        ["nova"] = "f3", ["onyx"] = "m5", ["sage"] = "f4", ["shimmer"] = "f5", ["verse"] = "m6",
    };

    /// <summary>The espeak-ng voice for <paramref name="voice"/> in <paramref name="language"/> (BCP-47, e.g. "en").</summary>
    /// <exception cref="ArgumentException">The voice is neither an OpenAI voice name nor a well-formed espeak-ng voice.</exception>
    public static string Resolve(string voice, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        string trimmed = voice.Trim();
        if (_openAiVariants.TryGetValue(trimmed, out string? variant))
        {
            return LanguageVoice(language) + "+" + variant;
        }

        if (!EspeakVoicePattern().IsMatch(trimmed))
        {
            throw new ArgumentException(
                $"Voice '{voice}' is not an espeak-ng voice (e.g. 'en-us+m3', 'en-us+f3') or a known OpenAI voice name.", nameof(voice));
        }

        return trimmed;
    }

    /// <summary>
    /// espeak-ng's voice for <paramref name="language"/>: en-us for "en" (other English regions as given), the language
    /// pack's voice for a packed language in any region (espeak-ng has "es" but no "es-es"), else the code itself.
    /// </summary>
    public static string LanguageVoice(string language)
    {
        string code = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim().ToLowerInvariant();
        if (code == "en")
        {
            return "en-us";
        }

        if (Languages.LanguagePacks.Find(code) is { } pack && pack.Code != "en")
        {
            return pack.EspeakVoice;
        }

        return EspeakVoicePattern().IsMatch(code) ? code : "en-us";
    }

    /// <summary>
    /// Why espeak-ng voice <paramref name="resolved"/> (<c>LANGUAGE+VARIANT</c>) cannot speak <paramref name="language"/>,
    /// or null: an English voice in a Spanish episode reads Spanish with English rules. Only languages with a pack are
    /// compared (other voice names, such as mbrola's, are not language codes).
    /// </summary>
    public static string? LanguageMismatch(string voice, string resolved, string language)
    {
        string voiceLanguage = Languages.LanguagePacks.Primary(resolved.Split('+', 2)[0]);
        string wanted = Languages.LanguagePacks.Primary(language);
        if (voiceLanguage == wanted || Languages.LanguagePacks.Find(voiceLanguage) is null || Languages.LanguagePacks.Find(wanted) is null)
        {
            return null;
        }

        string variant = resolved.Contains('+', StringComparison.Ordinal) ? "+" + resolved.Split('+', 2)[1] : "";
        return $"Voice '{voice}' speaks '{voiceLanguage}', not the episode's language '{language}': use an espeak-ng voice of that language such as {LanguageVoice(language)}{variant}, a flite voice (spoken as {LanguageVoice(language)}) or an OpenAI voice name.";
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_./-]{0,47}(\+[A-Za-z0-9_-]{1,15})?$")]
    private static partial Regex EspeakVoicePattern();
}
