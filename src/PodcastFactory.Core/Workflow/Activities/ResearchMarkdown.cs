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
            return md.ToString();
        }

        for (int i = 0; i < notes.Notes.Count; i++)
        {
            ResearchNote note = notes.Notes[i];
            string pointer = note.Source is null ? "unsourced" : $"{note.Source}{(note.Locator is null ? "" : ", " + note.Locator)}";
            md.Append(CultureInfo.InvariantCulture, $"{i + 1}. {note.Text} [{pointer}]\n");
        }

        return md.ToString();
    }
}
