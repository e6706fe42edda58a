using System.Text.RegularExpressions;
using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Tests.Languages;

public sealed partial class LanguagePacksTests
{
    public static TheoryData<string> Codes => new() { "en", "es", "fr", "de" };

    [Fact]
    public void Codes_EmbeddedPacks_AreEnglishSpanishFrenchGerman() =>
        Assert.Equal(["de", "en", "es", "fr"], LanguagePacks.Codes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Pack_EveryPool_HasAsManyLinesAsEnglishSoNoEpisodeRunsShort(string code)
    {
        LanguagePack pack = LanguagePacks.Find(code)!;
        LanguagePack en = LanguagePacks.English;

        Assert.Equal(code, pack.Code);
        Assert.Equal(
            (en.Pools.Definition.Count, en.Pools.PluralDefinition.Count, en.Pools.Meaning.Count, en.Pools.Heading.Count, en.Pools.Reactions.Count, en.Pools.Answers.Count, en.Pools.Bridges.Count),
            (pack.Pools.Definition.Count, pack.Pools.PluralDefinition.Count, pack.Pools.Meaning.Count, pack.Pools.Heading.Count, pack.Pools.Reactions.Count, pack.Pools.Answers.Count, pack.Pools.Bridges.Count));
        Assert.Equal(3, pack.Frame.RecapLeads.Count);
        Assert.Equal(3, pack.Frame.TakeawayLeads.Count);
        Assert.True(pack.Arc.Openers.Count >= 3);
        Assert.Equal(en.Arc.Angles.Keys.Order(), pack.Arc.Angles.Keys.Order());
        Assert.True(pack.StopWords.Count >= 100, $"{code} has {pack.StopWords.Count} stop words");
        Assert.Equal((7, 12), (pack.Dates.Weekdays.Count, pack.Dates.Months.Count));
        Assert.Matches("^[a-z]{3}$", pack.Iso6392);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Pack_Templates_KeepTheirPlaceholders(string code)
    {
        FrameLines frame = LanguagePacks.Find(code)!.Frame;

        Assert.Equal(["{cohost}", "{host}", "{topic}"], Placeholders(frame.Welcome));
        Assert.Equal(["{host}", "{sections}"], Placeholders(frame.Overview));
        Assert.Equal(["{cohost}", "{topic}"], Placeholders(frame.WrapUp));
        Assert.Equal(["{cohost}"], Placeholders(frame.SignOff));
        Assert.All(LanguagePacks.Find(code)!.Pools.Definition, q => Assert.Contains("{0}", q, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("DE", "de")]
    [InlineData("fr_CA", "fr")]
    [InlineData("", "en")]
    public void Find_RegionalOrCasedCode_ServedByItsPrimarySubtag(string language, string expected) =>
        Assert.Equal(expected, LanguagePacks.Find(language)?.Code);

    [Fact]
    public void Find_LanguageWithoutPack_IsNullAndForFallsBackToEnglish()
    {
        Assert.Null(LanguagePacks.Find("ja"));
        Assert.Same(LanguagePacks.English, LanguagePacks.For("ja"));
    }

    [Theory]
    [InlineData("es", "Spanish (es)")]
    [InlineData("de-AT", "German (de-AT)")]
    [InlineData("ja", "the language with BCP 47 code 'ja'")]
    public void Describe_Language_NamesItForPrompts(string language, string expected) =>
        Assert.Equal(expected, LanguagePacks.Describe(language));

    [Theory]
    [InlineData("de", true)]
    [InlineData("la", true)]
    [InlineData("und", true)]
    [InlineData("the", true)]
    [InlineData("die", false)] // a German article, but an English verb: English ranking keeps it
    [InlineData("war", false)]
    [InlineData("huerto", false)]
    public void IsStopWord_Word_IsAFunctionWordOfSomeLanguage(string word, bool expected) =>
        Assert.Equal(expected, LanguagePacks.IsStopWord(word));

    static string[] Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();
}
