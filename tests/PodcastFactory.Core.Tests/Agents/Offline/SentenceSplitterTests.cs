using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void SplitSentences_Abbreviations_DoNotEndSentences()
    {
        List<string> sentences = SentenceSplitter.SplitSentences("Engines, e.g. Temporal, replay code. Dr. Smith agrees! Is it 3.5 times faster? Yes.");

        Assert.Equal(["Engines, e.g. Temporal, replay code.", "Dr. Smith agrees!", "Is it 3.5 times faster?", "Yes."], sentences);
    }

    [Fact]
    public void Split_SingleParagraph_UsesSentenceLocators()
    {
        IReadOnlyList<SourceSentence> sentences = SentenceSplitter.Split(new SourceDocument("s.txt", "One two three four. Five six seven eight."), 0);

        Assert.Equal(["sentence 1", "sentence 2"], sentences.Select(s => s.Locator));
    }

    [Fact]
    public void Split_HeadingsAndCode_AreSkippedAndParagraphsNumbered()
    {
        const string text = "# Title\n\nFirst paragraph here. Second sentence here.\n\n```\ncode();\n```\n\nThird paragraph sentence.";

        IReadOnlyList<SourceSentence> sentences = SentenceSplitter.Split(new SourceDocument("d.md", text), 0);

        Assert.Equal(
            ["paragraph 1, sentence 1", "paragraph 1, sentence 2", "paragraph 2, sentence 1"],
            sentences.Select(s => s.Locator));
        Assert.DoesNotContain(sentences, s => s.Text.Contains("code", StringComparison.Ordinal) || s.Text.Contains("Title", StringComparison.Ordinal));
    }
}
