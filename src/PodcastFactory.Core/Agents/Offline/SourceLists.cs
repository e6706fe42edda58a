using System.Text;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Reads a list of a source by its kind, so its content reaches the notes as sentences a host can say:
/// "Label: explanation" bullets (a source's four challenges) become one sentence each; numbered steps stay steps, one
/// paragraph spoken in order ("First, ... Then, ... Finally, ..."), never folded into one sentence; a short list of
/// short items after a lead-in ending in ':' is joined to it ("There are three patterns: a, b and c."). Anything else
/// is dropped: list items out of context make poor claims.
/// </summary>
internal static partial class SourceLists
{
    const int MaxJoinedItems = 6, MaxItemWords = 14, MinExplanationWords = 4, MaxLabelWords = 6, MaxSteps = 12;

    static readonly string[] _stepLeads = ["First,", "Then,", "Next,", "After that,"];

    /// <summary>What a list becomes: the lead-in rewritten (or null: unchanged) and new paragraphs after it.</summary>
    /// <param name="LeadIn">The lead-in with the list joined to it, or null when it stays as it was.</param>
    /// <param name="Paragraphs">Paragraphs the list adds.</param>
    public sealed record Reading(string? LeadIn, IReadOnlyList<string> Paragraphs);

    /// <summary>Reads <paramref name="items"/> (Markdown removed) introduced by <paramref name="leadIn"/> (or none).</summary>
    public static Reading Read(string? leadIn, IReadOnlyList<string> items, bool ordered)
    {
        List<string> parts = items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (parts.Count == 0)
        {
            return new(null, []);
        }

        List<(string Label, string Explanation)?> labelled = parts.Select(Labelled).ToList();
        if (labelled.Count(l => l is not null) * 2 > parts.Count)
        {
            return new(null, labelled.Where(l => l is not null).Select(l => Sentence(l!.Value.Label + ": " + UpperFirst(l.Value.Explanation))).ToList());
        }

        if (ordered && parts.Count is >= 2 and <= MaxSteps)
        {
            return new(null, [Steps(parts)]);
        }

        return new(leadIn is null ? null : Join(leadIn, parts), []);
    }

    /// <summary>True for a plain-text bullet without a marker: a capitalised label of a few words, a colon, an explanation.</summary>
    public static bool IsLabelLine(string line)
    {
        string text = line.Trim();
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsUpper(text[0]) && !MarkdownStripper.IsHeading(text) && Labelled(text) is not null
            && TextStats.CountWords(text[..colon]) <= MaxLabelWords && !text[..colon].Any(c => c is '.' or ',');
    }

    // "Latency: each hop adds a round trip" (or "Latency - ...", "Latency — ..."): a short label, then a clause.
    static (string, string)? Labelled(string item)
    {
        Match match = LabelRegex().Match(item);
        if (!match.Success)
        {
            return null;
        }

        string label = match.Groups[1].Value.Trim(), explanation = match.Groups[2].Value.Trim();
        return TextStats.CountWords(label) <= MaxLabelWords && TextStats.CountWords(explanation) >= MinExplanationWords ? (label, explanation) : null;
    }

    // Each step its own sentence, led by where it stands in the sequence; the last one "Finally".
    static string Steps(List<string> steps)
    {
        var text = new StringBuilder();
        for (int i = 0; i < steps.Count; i++)
        {
            string lead = i == steps.Count - 1 ? "Finally," : _stepLeads[Math.Min(i, _stepLeads.Length - 1)];
            string step = Labelled(steps[i]) is (string label, string explanation) ? $"{LowerFirst(label)}: {explanation}" : LowerFirst(steps[i]);
            text.Append(i == 0 ? "" : " ").Append(lead).Append(' ').Append(Sentence(step));
        }

        return text.ToString();
    }

    /// <summary>"Lead-in: a, b and c." when the items are few and short, otherwise null (the list is dropped).</summary>
    static string? Join(string leadIn, List<string> items)
    {
        List<string> parts = items.Select(i => i.TrimEnd('.', ';', ',')).Where(i => i.Length > 0).ToList();
        if (parts.Count is 0 or > MaxJoinedItems || parts.Any(p => TextStats.CountWords(p) > MaxItemWords || p.Contains(". ", StringComparison.Ordinal)))
        {
            return null;
        }

        parts = parts.Select(LowerFirst).ToList();
        string separator = parts.Any(p => p.Contains(',', StringComparison.Ordinal)) ? "; " : ", ";
        var sentence = new StringBuilder(leadIn).Append(' ');
        for (int i = 0; i < parts.Count; i++)
        {
            sentence.Append(i == 0 ? "" : i == parts.Count - 1 ? (separator == "; " ? "; and " : " and ") : separator).Append(parts[i]);
        }

        return sentence.Append('.').ToString();
    }

    static string Sentence(string text)
    {
        string trimmed = text.Trim().TrimEnd(';', ',', ':');
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    static string UpperFirst(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(@"^([^:.!?]{1,60}?)\s*(?::|\s[-\u2013\u2014]\s)\s*(.+)$")]
    private static partial Regex LabelRegex();
}
