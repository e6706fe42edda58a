using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Languages;

public sealed class OfflineLanguageScriptTests
{
    [Fact]
    public async Task WriteAsync_SpanishSource_ScriptIsSpanishWithSpanishFrameAndChapters()
    {
        (_, Script script, ScriptReview review) = await LanguageEpisodeScripts.WriteAsync(LanguageEpisodeScripts.Spanish, "los huertos urbanos comunitarios", "es");

        Assert.StartsWith("Bienvenidos al programa. Soy Alex", script.Turns[0].Text, StringComparison.Ordinal);
        Assert.Equal("Introducción", script.Turns[0].Chapter);
        Assert.Contains(script.Turns, t => t.Chapter == "Conclusiones");
        Assert.Contains("Hasta la próxima", script.Turns[^1].Text, StringComparison.Ordinal);
        Assert.Equal("es", LanguageShare.Measure(LanguageEpisodeScripts.Text(script))[0].Code);
        ReviewCheck language = Assert.Single(review.Checks, c => c.Name == CheckNames.Language);
        Assert.True(language.Passed, language.Detail);
        Assert.True(review.Passed, string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    [Fact]
    public async Task WriteAsync_GermanSource_ScriptIsGermanAndPassesReview()
    {
        (_, Script script, ScriptReview review) = await LanguageEpisodeScripts.WriteAsync(LanguageEpisodeScripts.German, "die Schwammstadt", "de");

        Assert.StartsWith("Willkommen zur Sendung.", script.Turns[0].Text, StringComparison.Ordinal);
        Assert.Equal("Einleitung", script.Turns[0].Chapter);
        Assert.Contains(script.Turns, t => t.Chapter == "Zum Mitnehmen");
        // The workflow's English angle names never leak into a German script.
        Assert.Contains(script.Turns, t => t.Text.StartsWith("Zuerst: die Kernpunkte.", StringComparison.Ordinal) && t.Chapter == "Die Kernpunkte");
        Assert.DoesNotContain(script.Turns, t => t.Text.Contains("key points", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("de", LanguageShare.Measure(LanguageEpisodeScripts.Text(script))[0].Code);
        Assert.True(review.Passed, string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    [Fact]
    public async Task EvaluateAsync_EnglishScriptForSpanishEpisode_FailsLanguageCheckWithSuggestion()
    {
        (ResearchNotes research, Script english, _) = await LanguageEpisodeScripts.WriteAsync("../durable-workflows.md", "durable workflows", "en");

        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(
            LanguageEpisodeScripts.Brief("durable workflows", "es"), english, research, CancellationToken.None)).Value;

        ReviewCheck language = Assert.Single(review.Checks, c => c.Name == CheckNames.Language);
        Assert.False(language.Passed);
        Assert.Contains("reads as 'en'", language.Detail, StringComparison.Ordinal);
        Assert.False(review.Passed);
        Assert.Contains(review.Suggestions, s => s.StartsWith("Write every turn in Spanish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_SpanishFrameOverEnglishSource_FailsLanguageCheck()
    {
        // A Spanish episode from an English source reads English notes out in a Spanish frame: not a Spanish episode.
        (_, _, ScriptReview review) = await LanguageEpisodeScripts.WriteAsync("../durable-workflows.md", "durable workflows", "es");

        Assert.False(Assert.Single(review.Checks, c => c.Name == CheckNames.Language).Passed);
    }

    [Fact]
    public async Task WriteAsync_EnglishEpisode_KeepsTheEnglishFrame()
    {
        (_, Script script, ScriptReview review) = await LanguageEpisodeScripts.WriteAsync("../durable-workflows.md", "durable workflows", "en");

        Assert.StartsWith("Welcome to the show. I'm Alex, and with me today is Sam.", script.Turns[0].Text, StringComparison.Ordinal);
        Assert.Equal("Introduction", script.Turns[0].Chapter);
        Assert.True(Assert.Single(review.Checks, c => c.Name == CheckNames.Language).Passed);
    }

    [Fact]
    public async Task WriteAsync_SpanishWithoutSources_SaysSoInSpanish()
    {
        var brief = LanguageEpisodeScripts.Brief("los huertos", "es-MX");
        var research = new ResearchNotes("los huertos", "merged", "", [], HasSources: false);

        Script script = (await new OfflineScriptAgent().WriteAsync(brief, research, CancellationToken.None)).Value;

        Assert.Contains("no se aportaron fuentes", script.Turns[1].Text, StringComparison.Ordinal);
        Assert.Contains("Un placer", script.Turns[^1].Text, StringComparison.Ordinal);
    }
}
