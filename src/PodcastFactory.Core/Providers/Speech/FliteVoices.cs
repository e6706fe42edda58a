using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Voice ids of the flite provider: <c>flite:NAME</c>, where NAME is one of flite's voices (<c>flite -lv</c>; Debian's
/// flite ships rms, slt, awb, kal and kal16). When flite is missing, each flite voice falls back to an espeak-ng voice
/// of the same kind (slt is female, the others male), so an episode still gets two distinct voices.
/// </summary>
public static partial class FliteVoices
{
    /// <summary>The prefix that routes a voice to flite.</summary>
    public const string Prefix = "flite:";

    /// <summary>The default voice of the first host (measured best in docs/voices.md).</summary>
    public const string Male = "flite:rms";

    /// <summary>The default voice of the second host.</summary>
    public const string Female = "flite:slt";

    // Gains that bring each voice to about -18 dBFS RMS, measured on bench/voices/passage.txt (docs/voices.md):
    // rms -21.2, slt -15.4, awb -20.4, kal16 -28.4 dBFS before (awb peaks at -1.7 dBFS, so it gets only what fits).
    static readonly Dictionary<string, double> _gains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rms"] = 3.2, ["slt"] = -2.6, ["awb"] = 1.5, ["kal16"] = 4.5,
    };

    // Speaking rate per voice, as flite's duration stretch (1 = the voice's own pace, 1.15 = 15 % slower). Slowing slt by
    // 15 % helped on one 172-word passage but hurt on whole episodes: the README example's 39 turns, all spoken by each
    // voice, gave slt a word error rate of 0.360 at 1.15 against 0.335 at its own pace (rms 0.292; docs/benchmarks.md),
    // and pitch settings (int_f0_target_mean 120-200) were worse still. So both speak at their own pace; the table stays
    // the one place a measured rate goes.
    static readonly Dictionary<string, double> _stretch = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rms"] = 1.0, ["slt"] = 1.0,
    };

    /// <summary>flite's <c>duration_stretch</c> for voice <paramref name="name"/>: its speaking rate (1 for unmeasured voices).</summary>
    public static double DurationStretch(string name) => _stretch.GetValueOrDefault(name, 1.0);

    /// <summary>The voices Debian's flite ships (<c>flite -lv</c>): the only names a <c>flite:NAME</c> voice may have.</summary>
    public static readonly IReadOnlyList<string> Known = ["rms", "slt", "awb", "kal", "kal16"];

    static readonly HashSet<string> _female = new(StringComparer.OrdinalIgnoreCase) { "slt" };

    /// <summary>The gender of flite voice <paramref name="name"/> (CMU ARCTIC: slt is female, the others male).</summary>
    public static string Gender(string name) => _female.Contains(name) ? "female" : "male";

    /// <summary>True when <paramref name="voice"/> asks for flite.</summary>
    public static bool IsFlite(string? voice) => voice?.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>The flite voice name of a <c>flite:NAME</c> id.</summary>
    /// <exception cref="ArgumentException">The id is not a flite voice id or its name has characters flite voices never have.</exception>
    public static string Resolve(string voice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        string name = IsFlite(voice) ? voice.Trim()[Prefix.Length..] : "";
        if (!NameRegex().IsMatch(name))
        {
            throw new ArgumentException($"Voice '{voice}' is not a flite voice (e.g. '{Male}', '{Female}').", nameof(voice));
        }

        return name;
    }

    /// <summary>The gain, in dB, that brings flite voice <paramref name="name"/> to the common level (0 for unmeasured voices).</summary>
    public static double GainDecibels(string name) => _gains.GetValueOrDefault(name);

    /// <summary>The espeak-ng voice used instead of a flite voice when flite is not installed.</summary>
    public static string EspeakFallback(string voice) => EspeakFallback(voice, "en");

    /// <summary>
    /// The espeak-ng voice that speaks flite voice <paramref name="voice"/> in <paramref name="language"/>: flite's voices
    /// are English only, so another language gets espeak-ng's voice for it, of the same kind (<c>es+f3</c>, <c>de+m3</c>).
    /// </summary>
    public static string EspeakFallback(string voice, string language) =>
        EspeakVoices.LanguageVoice(language) + (_female.Contains(Resolve(voice)) ? "+f3" : "+m3");

    /// <summary>True when flite itself can speak <paramref name="language"/> (English only).</summary>
    public static bool Speaks(string language) => Languages.LanguagePacks.Primary(language) == "en";

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex NameRegex();
}
