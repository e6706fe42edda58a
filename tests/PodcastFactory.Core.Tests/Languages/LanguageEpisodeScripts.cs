using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Languages;

/// <summary>The offline research, writer and review over the Spanish and German fixture articles (written for these tests).</summary>
internal static class LanguageEpisodeScripts
{
    public const string Spanish = "huertos-urbanos.es.md";
    public const string German = "schwammstadt.de.md";

    public static SourceDocument Fixture(string name) =>
        new(name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "languages", name)));

    public static ScriptBrief Brief(string topic, string language, int minutes = 3) =>
        new(topic, EpisodeRequest.DefaultHosts, minutes, language, 4000);

    /// <summary>Research, the first draft and its review, as the workflow runs them.</summary>
    public static async Task<(ResearchNotes Research, Script Script, ScriptReview Review)> WriteAsync(string fixture, string topic, string language, int minutes = 3)
    {
        ResearchNotes research = (await new OfflineResearchAgent().ResearchAsync(
            new ResearchBrief(topic, "key points", 0, 30, language), [Fixture(fixture)], CancellationToken.None)).Value with { Angle = "merged" };
        ScriptBrief brief = Brief(topic, language, minutes);
        Script script = (await new OfflineScriptAgent().WriteAsync(brief, research, CancellationToken.None)).Value;
        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(brief, script, research, CancellationToken.None)).Value;
        return (research, script, review);
    }

    public static string Text(Script script) => string.Join("\n", script.Turns.Select(t => t.Text));
}
