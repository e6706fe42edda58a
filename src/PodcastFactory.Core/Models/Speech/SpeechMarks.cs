using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Models.Speech;

/// <summary>
/// The direction marks a script may carry in a turn's text: <c>[pause]</c> (a beat of silence) and <c>*word*</c> or
/// <c>*a few words*</c> (emphasis). They direct the speech only: <see cref="Strip(string)"/> removes them wherever text is shown
/// (transcript, chapters, show notes). An asterisk is always a mark, never spoken or shown, so a stray one left by a split
/// sentence cannot be read out as "asterisk".
/// </summary>
public static partial class SpeechMarks
{
    /// <summary>The pause mark.</summary>
    public const string Pause = "[pause]";

    /// <summary>How long a <c>[pause]</c> is, in milliseconds, on every provider (a beat: about two turn pauses).</summary>
    public const int PauseMs = 700;

    /// <summary>Longest emphasized run, in characters: a mark is for a word or a short phrase, not a sentence.</summary>
    public const int MaxEmphasisCharacters = 60;

    /// <summary>True when <paramref name="text"/> holds a mark.</summary>
    public static bool Has(string? text) =>
        text is not null && (text.Contains('*', StringComparison.Ordinal) || text.Contains(Pause, StringComparison.OrdinalIgnoreCase));

    /// <summary><paramref name="text"/> as shown to a reader: pauses removed, emphasis kept as plain words, spacing tidied.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Has(text))
        {
            return text;
        }

        // "Well [pause], yes" reads "Well, yes"; "Well[pause]yes" keeps a space between the words.
        string stripped = PauseMark().Replace(text, m =>
        {
            int next = m.Index + m.Length;
            return next >= text.Length || char.IsWhiteSpace(text[next]) || char.IsPunctuation(text[next]) ? "" : " ";
        });
        return Spaces().Replace(stripped.Replace("*", "", StringComparison.Ordinal), " ").Trim();
    }

    /// <summary><paramref name="script"/> with every turn's marks stripped (<see cref="Strip(string)"/>), for what readers see.</summary>
    public static Script Strip(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Turns.Any(t => Has(t.Text)) ? script with { Turns = [.. script.Turns.Select(t => t with { Text = Strip(t.Text ?? "") })] } : script;
    }

    /// <summary>
    /// Splits <paramref name="text"/> at its marks: each run with whether it is emphasized, and null for a pause. Runs are
    /// never empty; unmatched asterisks are dropped.
    /// </summary>
    public static IEnumerable<(string? Text, bool Emphasis)> Runs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = 0;
        foreach (Match mark in Mark().Matches(text))
        {
            if (mark.Index > at)
            {
                string plain = text[at..mark.Index].Replace("*", "", StringComparison.Ordinal);
                if (plain.Length > 0)
                {
                    yield return (plain, false);
                }
            }

            yield return mark.Groups["emphasis"].Success ? (mark.Groups["emphasis"].Value, true) : (null, false);
            at = mark.Index + mark.Length;
        }

        string rest = text[at..].Replace("*", "", StringComparison.Ordinal);
        if (rest.Length > 0)
        {
            yield return (rest, false);
        }
    }

    // [pause] (any case), or *words*: starts and ends with a non-space, no asterisk or line break inside, bounded.
    [GeneratedRegex(@"\[pause\]|\*(?<emphasis>[^\s*](?:[^*\r\n]{0,58}[^\s*])?)\*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mark();

    [GeneratedRegex(@"\s*\[pause\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PauseMark();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
