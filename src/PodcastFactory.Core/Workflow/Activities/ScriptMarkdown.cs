using System.Globalization;
using System.Text;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Renders a script as a readable transcript.</summary>
public static class ScriptMarkdown
{
    /// <summary>Renders a script.</summary>
    public static string Render(Script script)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {script.Title}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"_Revision {script.Revision}, {script.WordCount} words, about {TextStats.SpokenMinutes(script.WordCount)} min._\n\n");
        foreach (ScriptTurn turn in script.Turns)
        {
            md.Append(CultureInfo.InvariantCulture, $"**{turn.Speaker}:** {turn.Text}\n\n");
        }

        return md.ToString();
    }
}
