using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Tests.Languages;

public sealed class LanguageShareTests
{
    const string English = "Community gardens are plots of land in the city that neighbours grow together. Most of them work as an association with written rules, and each family looks after a small bed for the whole season. The tools, the compost and the water are shared by all of the members, and the big decisions are taken at a meeting once a month.";
    const string Spanish = "Un huerto urbano comunitario es un terreno de la ciudad que cultivan juntos los vecinos de un barrio. La mayoría de los huertos funcionan como una asociación de vecinos con normas escritas, y cada familia se compromete a cuidar su parcela durante toda la temporada. Las herramientas y el agua se comparten entre todos los miembros.";
    const string French = "Un jardin partagé est un terrain de la ville que les voisins cultivent ensemble. La plupart fonctionnent comme une association avec des règles écrites, et chaque famille s'engage à entretenir sa parcelle pendant toute la saison. Les outils et l'eau sont partagés entre tous les membres, et les décisions sont prises en assemblée.";
    const string German = "Eine Schwammstadt ist eine Stadt, die Regenwasser dort speichert, wo es fällt, statt es sofort in die Kanalisation zu leiten. Bei einem Starkregen fällt in kurzer Zeit mehr Wasser, als die Kanäle aufnehmen können, und auf versiegelten Flächen kann das Wasser nicht versickern. Im Sommer fehlt dasselbe Wasser dann in den Böden.";

    [Theory]
    [InlineData(English, "en")]
    [InlineData(Spanish, "es")]
    [InlineData(French, "fr")]
    [InlineData(German, "de")]
    public void Measure_Paragraph_RanksItsOwnLanguageFirst(string text, string expected) =>
        Assert.Equal(expected, LanguageShare.Measure(text)[0].Code);

    [Theory]
    [InlineData(Spanish, "es", true)]
    [InlineData(Spanish, "es-MX", true)]
    [InlineData(English, "es", false)]
    [InlineData(German, "fr", false)]
    public void Judge_Text_PassesOnlyInItsLanguage(string text, string language, bool expected)
    {
        LanguageVerdict verdict = LanguageShare.Judge(text, language);

        Assert.True(expected == verdict.Passed, verdict.Detail);
    }

    [Fact]
    public void Judge_LanguageWithoutPack_IsNotChecked()
    {
        LanguageVerdict verdict = LanguageShare.Judge(English, "ja");

        Assert.True(verdict.Passed);
        Assert.Contains("not checked", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FewWords_IsTooShortToJudge()
    {
        LanguageVerdict verdict = LanguageShare.Judge("Thanks for listening.", "de");

        Assert.True(verdict.Passed);
        Assert.Contains("too short", verdict.Detail, StringComparison.Ordinal);
    }
}
