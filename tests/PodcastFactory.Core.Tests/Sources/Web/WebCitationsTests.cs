using PodcastFactory.Core.Sources.Extraction;
using PodcastFactory.Core.Sources.Web;

namespace PodcastFactory.Core.Tests.Sources.Web;

public sealed class WebCitationsTests
{
    const string Note = "Durable workflows recover from crashes by replaying their history.";

    [Fact]
    public void Quote_MarkdownHeadingSharesTheNotesWords_QuotesTheSentence()
    {
        string page = "# Durable workflows recover from crashes\n\nCheckpoints are written after every step. After a crash, durable workflows replay their history.";

        Assert.Equal("After a crash, durable workflows replay their history.", WebCitations.Quote(Note, page));
    }

    [Fact]
    public void Quote_SetextHeadingSharesTheNotesWords_QuotesTheSentence()
    {
        string page = "Durable workflows recover from crashes\n======================================\n\nAfter a crash, durable workflows replay their history.";

        Assert.Equal("After a crash, durable workflows replay their history.", WebCitations.Quote(Note, page));
    }

    [Fact]
    public void Quote_HtmlHeadingSharesTheNotesWords_QuotesTheSentence()
    {
        string html = "<html><body><article><h1>Recovery</h1><h2>How durable workflows recover from crashes by replaying history</h2>"
            + "<p>Checkpoints are written after every step of the workflow, so little is lost.</p>"
            + "<p>After a crash, durable workflows replay their history and skip the finished steps.</p></article></body></html>";
        string text = PageText.FromHtml(new Uri("https://example.org/a"), html).Text;

        Assert.Equal("After a crash, durable workflows replay their history and skip the finished steps.", WebCitations.Quote(Note, text));
    }
}
