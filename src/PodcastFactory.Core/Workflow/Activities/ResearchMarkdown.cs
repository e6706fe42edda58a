using System.Globalization;
using System.Text;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Renders research notes as readable Markdown with a source pointer per claim.</summary>
public static class ResearchMarkdown
{
    /// <summary>Renders notes.</summary>
    public static string Render(ResearchNotes notes)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Research: {notes.Topic}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Angle: {notes.Angle}\n\n{notes.Summary}\n\n");
        if (!notes.HasSources)
        {
            md.Append("> No sources were supplied. Nothing below is presented as a sourced fact.\n");
            return AppendProblems(md, notes).ToString();
        }

        for (int i = 0; i < notes.Notes.Count; i++)
        {
            ResearchNote note = notes.Notes[i];
            string pointer = note.Source is null ? "unsourced" : $"{note.Source}{(note.Locator is null ? "" : ", " + note.Locator)}";
            md.Append(CultureInfo.InvariantCulture, $"{i + 1}. {note.Text} [{pointer}]\n");
            if (note.Web is { } web)
            {
                md.Append(CultureInfo.InvariantCulture, $"   - Source: [{web.Title}]({web.Url}), retrieved {web.RetrievedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; quote: \"{web.Quote}\"\n");
            }
        }

        return AppendProblems(md, notes).ToString();
    }

    static StringBuilder AppendProblems(StringBuilder md, ResearchNotes notes)
    {
        if (notes.Problems is { Count: > 0 } problems)
        {
            md.Append("\n## Dropped during web research\n\n");
            foreach (string problem in problems)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {problem}\n");
            }
        }

        return md;
    }
}
