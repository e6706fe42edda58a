using System.Globalization;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// One <c>--host Name:voice[:persona]</c>. The voice may itself hold a colon (<c>flite:rms</c>), so a voice that starts
/// with flite's prefix takes two parts; everything after the voice is the persona, colons and all.
/// </summary>
public static class HostArgument
{
    /// <summary>The host, or the validation error that names <c>hosts</c> and shows the expected form.</summary>
    public static (HostVoice? Host, ValidationError? Error) Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        int colon = argument.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? "" : argument[..colon].Trim();
        string rest = colon < 0 ? "" : argument[(colon + 1)..].Trim();
        int voiceEnd = rest.IndexOf(':', FliteVoices.IsFlite(rest) ? FliteVoices.Prefix.Length : 0);
        string voice = (voiceEnd < 0 ? rest : rest[..voiceEnd]).Trim();
        string? persona = voiceEnd < 0 ? null : rest[(voiceEnd + 1)..].Trim();
        if (name.Length == 0 || voice.Length == 0 || (FliteVoices.IsFlite(voice) && voice.Length == FliteVoices.Prefix.Length))
        {
            return (null, new("hosts", string.Create(CultureInfo.InvariantCulture,
                $"'--host {argument}' must be Name:voice[:persona], e.g. Alex:flite:rms or 'Sam:en-us+f3:a sceptical engineer'.")));
        }

        return (new HostVoice(name, voice, string.IsNullOrEmpty(persona) ? null : persona), null);
    }
}
