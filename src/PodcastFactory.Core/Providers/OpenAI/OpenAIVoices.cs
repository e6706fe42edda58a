using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// Turns a host's voice setting into an OpenAI speech voice. OpenAI voice names pass through. espeak-ng voices
/// (e.g. "en-us+m3", "en-us+f3") map deterministically: a "+f" variant picks a female-sounding voice and any other
/// variant a male-sounding one, the variant's number choosing within the list (1 = first). flite voices, the offline
/// defaults ("flite:rms", "flite:slt"), map like the espeak-ng voice they fall back to, so the default hosts get ash and
/// coral. Anything else passes through unchanged for compatible servers with their own voice names.
/// </summary>
public static partial class OpenAIVoices
{
    /// <summary>Voices of the OpenAI speech models (tts-1 knows the first nine; gpt-4o-mini-tts knows them all).</summary>
    public static readonly IReadOnlyList<string> Known =
        ["alloy", "ash", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "ballad", "verse"];

    static readonly string[] _female = ["nova", "shimmer", "coral", "sage", "alloy"];
    static readonly string[] _male = ["onyx", "echo", "ash", "fable", "alloy"];

    // How OpenAI's voice guide describes each voice (alloy, ballad and verse are not described as either).
    static readonly Dictionary<string, string> _genders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ash"] = "male", ["echo"] = "male", ["fable"] = "male", ["onyx"] = "male",
        ["coral"] = "female", ["nova"] = "female", ["sage"] = "female", ["shimmer"] = "female",
    };

    /// <summary>
    /// The voices of the endpoint: OpenAI's own, then the ones a server adds (<paramref name="extra"/>,
    /// <c>Speech__Voices</c>); no language (the models speak many), gender where OpenAI describes it.
    /// </summary>
    public static IReadOnlyList<VoiceInfo> List(string provider, IReadOnlyList<string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return [.. Known.Concat(extra.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(v => new VoiceInfo(v, provider, null, _genders.GetValueOrDefault(v)))];
    }

    /// <summary>The OpenAI voice for <paramref name="voice"/>.</summary>
    public static string Resolve(string voice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        string trimmed = voice.Trim();
        if (Known.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return trimmed.ToLowerInvariant();
        }

        if (Speech.FliteVoices.IsFlite(trimmed))
        {
            // The offline defaults ("flite:rms", "flite:slt") keep a male and a female voice.
            return Speech.FliteVoices.EspeakFallback(trimmed).Contains("+f", StringComparison.Ordinal) ? _female[2] : _male[2];
        }

        Match match = EspeakVoice().Match(trimmed);
        if (!match.Success)
        {
            return trimmed;
        }

        bool female = match.Groups["kind"].Value.Equals("f", StringComparison.OrdinalIgnoreCase);
        int number = int.TryParse(match.Groups["n"].Value, out int n) ? n : 1;
        string[] list = female ? _female : _male;
        return list[(Math.Max(1, number) - 1) % list.Length];
    }

    /// <summary>
    /// Why the speech endpoint cannot be given <paramref name="voice"/>, or null: accepted are its own voices
    /// (<see cref="Known"/>), the voices a server adds (<paramref name="extra"/>, setting <c>Speech__Voices</c>), and the
    /// offline voices that map to one (flite's known voices, espeak-ng LANGUAGE+VARIANT ids).
    /// </summary>
    public static string? Problem(string voice, IReadOnlyList<string> extra)
    {
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(extra);
        string trimmed = voice.Trim();
        bool known = Known.Contains(trimmed, StringComparer.OrdinalIgnoreCase) || extra.Contains(trimmed, StringComparer.OrdinalIgnoreCase)
            || (Speech.FliteVoices.IsFlite(trimmed) && Speech.FliteVoices.Known.Contains(trimmed[Speech.FliteVoices.Prefix.Length..], StringComparer.OrdinalIgnoreCase))
            || (!Speech.FliteVoices.IsFlite(trimmed) && EspeakVoice().IsMatch(trimmed) && trimmed.Contains('+', StringComparison.Ordinal));
        return known ? null : $"Unknown voice '{voice}' for the speech endpoint. Valid voices: {string.Join(", ", Known.Concat(extra))}"
            + $" (a server's own voices go in Speech__Voices); the offline voices {string.Join(", ", Speech.FliteVoices.Known.Select(v => Speech.FliteVoices.Prefix + v))} and espeak-ng ids such as en-us+m3 map to one.";
    }

    [GeneratedRegex(@"^[a-z]{2,3}(-[a-z0-9]{2,8})*(\+(?<kind>[a-z]+?)(?<n>\d*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EspeakVoice();
}
