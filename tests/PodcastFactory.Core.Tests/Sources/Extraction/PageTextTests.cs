using PodcastFactory.Core.Sources.Extraction;

namespace PodcastFactory.Core.Tests.Sources.Extraction;

public sealed class PageTextTests
{
    [Fact]
    public void FromHtml_Headings_KeptAsMarkdownHeadingsSoTheyAreNotTakenForStatements()
    {
        string html = "<html><body><div><h2>Why replay works</h2><p>Replay rebuilds the state from the history.</p><h3>Limits</h3><p>History grows with every step.</p></div></body></html>";

        string text = PageText.FromHtml(new Uri("https://example.org/a"), html).Text;

        Assert.Equal("## Why replay works\n\nReplay rebuilds the state from the history.\n\n### Limits\n\nHistory grows with every step.", text);
    }
}
