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

    /// <summary>
    /// The producer's instructions as a data block (none when the brief has none): the writer and the judge read them in
    /// the message, so they steer emphasis and tone without ever reaching a system prompt.
    /// </summary>
    public static IEnumerable<string> Instructions(Agents.ScriptBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return string.IsNullOrWhiteSpace(brief.Instructions) ? [] : [Block("PRODUCER INSTRUCTIONS", brief.Instructions.Trim())];
    }

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

    /// <summary>Most characters of source passages in one prompt (about 4,000 tokens): the best-ranked notes' passages come first.</summary>
    public const int MaxPassageCharacters = 12000;

    /// <summary>
    /// The cited source passages (<see cref="ResearchNote.Passage"/>), each once with the indexes of the notes it holds,
    /// in note order, until <see cref="MaxPassageCharacters"/>: the context a note's one sentence leaves out.
    /// </summary>
    public static string Passages(ResearchNotes research)
    {
        ArgumentNullException.ThrowIfNull(research);
        var byPassage = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < research.Notes.Count; i++)
        {
            if (research.Notes[i].Passage is not { Length: > 0 } passage)
            {
                continue;
            }

            if (!byPassage.TryGetValue(passage, out List<int>? notes))
            {
                byPassage[passage] = notes = [];
                order.Add(passage);
            }

            notes.Add(i);
        }

        var text = new StringBuilder();
        int left = order.Count;
        foreach (string passage in order)
        {
            string entry = string.Create(CultureInfo.InvariantCulture, $"[{string.Join(", ", byPassage[passage])}] {passage}\n");
            if (text.Length + entry.Length > MaxPassageCharacters)
            {
                text.Append(CultureInfo.InvariantCulture, $"({left} more passages left out: the prompt's bound)\n");
                break;
            }

            text.Append(entry);
            left--;
        }

        return Block("SOURCE PASSAGES", text.Length == 0 ? "(no source passages: rely on the research notes)" : text.ToString().TrimEnd());
    }

    /// <summary>Most earlier episodes listed to a model (the newest): the bible keeps more, a prompt needs only the recent ones.</summary>
    public const int MaxEarlierEpisodes = 12;

    /// <summary>
    /// Series memory for research: the key points earlier episodes of the show covered, as data the prompt tells the
    /// model to rank lower (<c>ALREADY COVERED</c>); null outside a show (no block: the prompt stays as it was).
    /// </summary>
    public static string? Covered(IReadOnlyList<BibleEpisode>? earlier)
    {
        if (earlier is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (BibleEpisode episode in Newest(earlier))
        {
            foreach (string point in episode.Points)
            {
                text.Append(CultureInfo.InvariantCulture, $"- (episode {episode.Number}) {point}\n");
            }
        }

        return Block("ALREADY COVERED", text.Length == 0 ? "(nothing: this is the show's first episode, or it has no earlier episodes)" : text.ToString().TrimEnd());
    }

    /// <summary>
    /// Series memory for the writer: the show's earlier episodes (number, title, summary), which the brief asks it to
    /// refer back to where the new episode builds on one (<c>EARLIER EPISODES</c>); null outside a show.
    /// </summary>
    public static string? Earlier(IReadOnlyList<BibleEpisode>? earlier)
    {
        if (earlier is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (BibleEpisode episode in Newest(earlier))
        {
            text.Append(CultureInfo.InvariantCulture, $"- Episode {episode.Number}: \"{episode.Title}\". {episode.Summary}\n");
        }

        return Block("EARLIER EPISODES", text.Length == 0 ? "(none: this is the show's first episode)" : text.ToString().TrimEnd());
    }

    static IEnumerable<BibleEpisode> Newest(IReadOnlyList<BibleEpisode>? earlier) =>
        (earlier ?? []).OrderByDescending(e => e.Number).Take(MaxEarlierEpisodes).OrderBy(e => e.Number);

    /// <summary>The blocks of one message, blank-line separated; a block that does not apply (null) is left out.</summary>
    public static string Join(IEnumerable<string?> blocks) => string.Join("\n\n", blocks.OfType<string>());

    /// <summary>Replaces the delimiter marks inside untrusted text.</summary>
    public static string Defuse(string text) =>
        (text ?? "").Replace("<<<", "< < <", StringComparison.Ordinal).Replace(">>>", "> > >", StringComparison.Ordinal);
}
