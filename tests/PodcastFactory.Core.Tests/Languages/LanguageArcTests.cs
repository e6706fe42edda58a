using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Languages;

/// <summary>The arc's sections name the sources' headings in the language's own way.</summary>
public sealed class LanguageArcTests
{
    static List<ArcSection> Sections(string language, params string[] headings) => AngleSections.Build(
        headings.Select((h, i) => new ResearchNote($"Satz {i}.", "quelle.md", $"paragraph {i + 1}, sentence 1", 1, Section: h)).ToList(),
        Enumerable.Range(0, headings.Length), LanguagePacks.Find(language)!);

    [Fact]
    public void Build_GermanHeadings_KeepTheirNounsCapitalsAndLowerOnlyAnArticle()
    {
        List<ArcSection> sections = Sections("de", "Die Schwammstadt", "Beispiele aus der Praxis", "Was schwierig bleibt");

        Assert.Equal(["Zuerst: die Schwammstadt.", "Als Nächstes: Beispiele aus der Praxis.", "Und zum Schluss: was schwierig bleibt."], sections.Select(s => s.Transition));
        Assert.Equal(["Die Schwammstadt", "Beispiele aus der Praxis", "Was schwierig bleibt"], sections.Select(s => s.Chapter));
    }

    [Fact]
    public void Build_SpanishHeadings_SentenceCaseIsLoweredInsideTheSentence()
    {
        List<ArcSection> sections = Sections("es", "Cómo se organizan", "Qué se cultiva");

        Assert.Equal(["Empecemos con cómo se organizan.", "Y por último, qué se cultiva."], sections.Select(s => s.Transition));
    }
}
