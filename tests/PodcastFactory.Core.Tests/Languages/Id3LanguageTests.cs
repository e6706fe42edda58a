using System.Text;
using PodcastFactory.Core.Audio.Tagging;

namespace PodcastFactory.Core.Tests.Languages;

public sealed class Id3LanguageTests
{
    static string Tag(string? language) => Encoding.Latin1.GetString(Id3v2Tag.Build(
        new Id3Metadata("Huertos", "Show", "Alex & Sam", 1, new DateOnly(2026, 12, 8), "Producido con IA.", [], language)));

    [Fact]
    public void Build_SpanishEpisode_WritesTlanAndTheCommentsLanguage()
    {
        string tag = Tag("spa");

        Assert.Contains("TLAN", tag, StringComparison.Ordinal);
        Assert.Contains("COMM", tag, StringComparison.Ordinal);
        Assert.Equal(2, tag.Split("spa").Length - 1); // once in TLAN, once as COMM's language
        Assert.DoesNotContain("eng", tag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("SPANISH")]
    public void Build_NoOrMalformedLanguage_NoTlanAndEnglishComment(string? language)
    {
        string tag = Tag(language);

        Assert.DoesNotContain("TLAN", tag, StringComparison.Ordinal);
        Assert.Contains("eng", tag, StringComparison.Ordinal);
    }
}
