using System.Xml.Linq;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Tests.Publishing.Feed;

namespace PodcastFactory.Core.Tests.Publishing;

/// <summary>Show notes and feed items in the episode's language.</summary>
public sealed class LanguagePublishingTests
{
    static ShowNotesContent Notes(string language) => new(
        "Huertos urbanos", "Un resumen.", [new EpisodeChapter(0, 30, "Introducción")], [],
        [("Alex", "flite:rms")], ["script-writer: offline"], language, new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Markdown_Spanish_HeadingsDateAndStatementInSpanish()
    {
        string md = ShowNotes.Markdown(Notes("es"));

        Assert.Contains("Publicado: martes, 8 de diciembre de 2026\n", md, StringComparison.Ordinal);
        Assert.Contains("## Capítulos\n", md, StringComparison.Ordinal);
        Assert.Contains("## Fuentes\n\n- No se aportaron fuentes.\n", md, StringComparison.Ordinal);
        Assert.Contains("- Presentadores: Alex (voz flite:rms)\n", md, StringComparison.Ordinal);
        Assert.EndsWith("a partir de las fuentes citadas arriba.\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Chapters", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Spanish_LettersStayLettersNotEntities()
    {
        string html = ShowNotes.Html(Notes("es"));

        Assert.Contains("<h2>Capítulos</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>0:00 Introducción</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_German_SaysItsLanguageAndDatesInGerman()
    {
        string html = ShowNotes.Html(Notes("de"));

        Assert.StartsWith("<div lang=\"de\">\n<h1>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-12-08\">Dienstag, 8. Dezember 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Kapitel</h2>", html, StringComparison.Ordinal);
        Assert.EndsWith("</div>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HostileLanguageValue_IsEscapedInTheAttribute()
    {
        string html = ShowNotes.Html(Notes("es\"><script>"));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.StartsWith("<div lang=\"es&quot;&gt;&lt;script&gt;\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_SpanishEpisodeInEnglishFeed_CarriesXmlLangAndTranscriptLanguage()
    {
        XElement item = PodcastFeed.Item(FeedItems.Item(1) with { Language = "es" }, FeedItems.Options);

        Assert.Equal("es", item.Attribute(XNamespace.Xml + "lang")?.Value);
        XNamespace podcast = PodcastFeed.Podcast;
        Assert.All(item.Elements(podcast + "transcript"), t => Assert.Equal("es", t.Attribute("language")?.Value));
    }

    [Fact]
    public void Item_EpisodeInTheFeedsLanguage_HasNoXmlLang() =>
        Assert.Null(PodcastFeed.Item(FeedItems.Item(1), FeedItems.Options).Attribute(XNamespace.Xml + "lang"));
}
