using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Tests.Publishing;

public sealed class ShowNotesTests
{
    static readonly ShowNotesContent _notes = new(
        "Crashes <script>alert(1)</script> & recovery",
        "A *summary* with [brackets].",
        [new EpisodeChapter(0, 65, "Intro"), new EpisodeChapter(65, 3700, "Replay <deep dive>")],
        [new ShowNotesSource("https://example.com/a?b=1&c=<2>", new Uri("https://example.com/a?b=1&c=<2>")),
         new ShowNotesSource("notes.md", null),
         new ShowNotesSource("javascript:alert(1)", new Uri("javascript:alert(1)"))],
        [("Alex", "en-us+m3"), ("Sam", "en-us+f3")],
        ["script-writer: offline", "audio-synthesizer: espeak-ng"]);

    [Fact]
    public void Html_UntrustedText_IsEscapedAndOnlyHttpLinksAreLinks()
    {
        string html = ShowNotes.Html(_notes);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Crashes &lt;script&gt;alert(1)&lt;/script&gt; &amp; recovery", html, StringComparison.Ordinal);
        Assert.Contains("<li>1:05 Replay &lt;deep dive&gt;</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/a?b=1&amp;c=%3C2%3E\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        Assert.Contains(ShowNotes.AiStatement, html, StringComparison.Ordinal);
        Assert.Contains("Alex (voice en-us+m3)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Content_HasChaptersSourcesCreditsAndAiStatement()
    {
        string md = ShowNotes.Markdown(_notes);

        Assert.Contains("- 0:00 Intro\n- 1:05 Replay \\<deep dive\\>\n", md, StringComparison.Ordinal);
        Assert.Contains("- notes.md\n", md, StringComparison.Ordinal);
        Assert.Contains("A \\*summary\\* with \\[brackets\\].", md, StringComparison.Ordinal);
        Assert.Contains("- Models: script-writer: offline; audio-synthesizer: espeak-ng", md, StringComparison.Ordinal);
        Assert.EndsWith(ShowNotes.AiStatement + "\n", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65.9, "1:05")]
    [InlineData(3725, "1:02:05")]
    public void Timestamp_Seconds_FormatsMinutesOrHours(double seconds, string expected) =>
        Assert.Equal(expected, ShowNotes.Timestamp(seconds));
}
