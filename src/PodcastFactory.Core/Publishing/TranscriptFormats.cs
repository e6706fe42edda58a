using System.Globalization;
using System.Text;

namespace PodcastFactory.Core.Publishing;

/// <summary>Writes transcript cues as WebVTT (with <c>&lt;v Speaker&gt;</c> voice spans) and as SubRip (SRT).</summary>
public static class TranscriptFormats
{
    /// <summary>WebVTT: a header, then one cue per line of dialogue with the speaker as the voice; text is escaped.</summary>
    public static string WebVtt(IReadOnlyList<TranscriptCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < cues.Count; i++)
        {
            TranscriptCue cue = cues[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{Time(cue.Start, '.')} --> {Time(cue.End, '.')}\n");
            text.Append(CultureInfo.InvariantCulture, $"<v {EscapeVtt(cue.Speaker)}>{EscapeVtt(cue.Text)}\n\n");
        }

        return text.ToString();
    }

    /// <summary>SubRip: numbered cues, comma decimal separator, the speaker as a "Name:" prefix.</summary>
    public static string Srt(IReadOnlyList<TranscriptCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder();
        for (int i = 0; i < cues.Count; i++)
        {
            TranscriptCue cue = cues[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{Time(cue.Start, ',')} --> {Time(cue.End, ',')}\n{cue.Speaker}: {cue.Text.Replace("\n", " ", StringComparison.Ordinal)}\n\n");
        }

        return text.ToString();
    }

    /// <summary>hh:mm:ss.mmm (or with a comma for SRT).</summary>
    public static string Time(double seconds, char separator)
    {
        long ms = (long)Math.Round(Math.Max(0, seconds) * 1000);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}{separator}{ms % 1000:000}");
    }

    // "-->" must not appear in cue text, and &, < are markup in WebVTT.
    static string EscapeVtt(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
