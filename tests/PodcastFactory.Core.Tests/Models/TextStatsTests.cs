using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Models;

public sealed class TextStatsTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   \t\n ", 0)]
    [InlineData("one", 1)]
    [InlineData("  two  words  ", 2)]
    [InlineData("tabs\tand\nnew\r\nlines", 4)]
    [InlineData("no-break\u00A0space and\u2003em space", 5)]
    [InlineData("punctuation, counts. as part-of words!", 5)]
    public void CountWords_Text_CountsWhitespaceSeparatedWords(string? text, int expected)
    {
        Assert.Equal(expected, TextStats.CountWords(text));
    }

    [Theory]
    [InlineData("Hello there, I am Alex.\u2028Next line\u3000ideographic space")]
    [InlineData(" leading and trailing ")]
    public void CountWords_AnyText_MatchesASplitOnWhitespace(string text)
    {
        Assert.Equal(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, TextStats.CountWords(text));
    }
}
