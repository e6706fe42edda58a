using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Tests.Publishing;

/// <summary>The show notes' "Earlier episodes" section (series memory): titles are untrusted text, links only http(s).</summary>
public sealed class ShowNotesEarlierEpisodesTests
{
    static ShowNotesContent Notes(params ShowNotesEpisode[] earlier) =>
        new("Title", "Summary", [], [], [("Alex", "flite:rms")], ["offline"], Earlier: earlier);

    [Fact]
    public void Html_HostileTitleAndScriptLink_IsEscapedAndNotLinked()
    {
        string html = ShowNotes.Html(Notes(
            new ShowNotesEpisode(2, "<script>alert(1)</script>", new Uri("javascript:alert(1)")),
            new ShowNotesEpisode(3, "Fine \"quoted\"", new Uri("https://pods.example/api/episodes/ep-3/artifacts/show-notes.html?a=1&b=2"))));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("<li>Episode 2: &lt;script&gt;alert(1)&lt;/script&gt;</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://pods.example/api/episodes/ep-3/artifacts/show-notes.html?a=1&amp;b=2\">Episode 3: Fine &quot;quoted&quot;</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostileTitle_IsEscapedAndAnUnpublishedEpisodeIsNamedWithoutALink()
    {
        string md = ShowNotes.Markdown(Notes(new ShowNotesEpisode(4, "[click](http://evil.example)", null)));

        Assert.Contains("## Earlier episodes\n\n- Episode 4: \\[click\\]\\(http://evil.example\\)\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownAndHtml_NoEarlierEpisodes_HaveNoSection()
    {
        Assert.DoesNotContain("Earlier episodes", ShowNotes.Markdown(Notes()), StringComparison.Ordinal);
        Assert.DoesNotContain("Earlier episodes", ShowNotes.Html(Notes() with { Earlier = null }), StringComparison.Ordinal);
    }
}
