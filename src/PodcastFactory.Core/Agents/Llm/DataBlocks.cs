using System.Globalization;
using System.Text;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// Formats material for the model as delimited data blocks (<c>&lt;&lt;&lt;SOURCE name="..."&gt;&gt;&gt;</c> ...
/// <c>&lt;&lt;&lt;END SOURCE&gt;&gt;&gt;</c>). The system prompts declare everything inside a block to be data, not
/// instructions; delimiter look-alikes inside the text are defused so a source cannot close its block early.
/// </summary>
public static class DataBlocks
{
    /// <summary>One source document.</summary>
    public static string Source(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"<<<SOURCE name=\"{Defuse(source.Name).Replace("\"", "'", StringComparison.Ordinal)}\">>>\n{Defuse(source.Text)}\n<<<END SOURCE>>>";
    }

    /// <summary>A named block of other data (research notes, a script, a review).</summary>
    public static string Block(string kind, string content) => $"<<<{kind}>>>\n{Defuse(content)}\n<<<END {kind}>>>";

    /// <summary>Research notes numbered by index, as the script's claims refer to them.</summary>
    public static string Notes(ResearchNotes research)
    {
        ArgumentNullException.ThrowIfNull(research);
        if (research.Notes.Count == 0)
        {
            return Block("RESEARCH", "(no research notes: no sources were supplied, so state no facts)");
        }

        var text = new StringBuilder();
        for (int i = 0; i < research.Notes.Count; i++)
        {
            ResearchNote note = research.Notes[i];
            text.Append(CultureInfo.InvariantCulture, $"[{i}] {note.Text} (source: {note.Source ?? "none"}; {note.Locator ?? "no locator"})\n");
            if (note.Web is { } web)
            {
                text.Append(CultureInfo.InvariantCulture, $"    passage from {web.Url} (\"{web.Title}\", retrieved {web.RetrievedAt.UtcDateTime:yyyy-MM-dd}): \"{web.Quote}\"\n");
            }
        }

        return Block("RESEARCH", text.ToString().TrimEnd());
    }

    /// <summary>Replaces the delimiter marks inside untrusted text.</summary>
    public static string Defuse(string text) =>
        (text ?? "").Replace("<<<", "< < <", StringComparison.Ordinal).Replace(">>>", "> > >", StringComparison.Ordinal);
}
