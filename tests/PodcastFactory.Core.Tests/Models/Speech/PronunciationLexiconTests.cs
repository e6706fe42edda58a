using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Tests.Models.Speech;

public sealed class PronunciationLexiconTests
{
    static string Said(string text, params LexiconEntry[] entries) => SpokenText.Plain(SpokenText.Parse(text, new PronunciationLexicon(entries)), "…");

    [Theory]
    [InlineData("We use SQL daily.", "We use sequel daily.")]
    [InlineData("SQL's history (SQL) and SQL.", "sequel's history (sequel) and sequel.")]
    [InlineData("MySQL and SQLite are not SQL.", "MySQL and SQLite are not sequel.")]
    public void Parse_WholeWordsOnly_SubstitutesOnlyStandaloneWords(string text, string said) =>
        Assert.Equal(said, Said(text, new LexiconEntry("SQL", "sequel")));

    [Fact]
    public void Parse_EntryWithCapitals_MatchesThatExactCaseOnly() =>
        Assert.Equal("sequel, sql and Sql.", Said("SQL, sql and Sql.", new LexiconEntry("SQL", "sequel")));

    [Fact]
    public void Parse_LowerCaseEntry_MatchesAnyCase() =>
        Assert.Equal("engine x runs. So does engine x, engine x.", Said("Nginx runs. So does nginx, NGINX.", new LexiconEntry("nginx", "engine x")));

    [Fact]
    public void Parse_OverlappingEntries_LongestMatchWinsAndTheRestStillApply() =>
        Assert.Equal("noo york city, then york.", Said("New York City, then York.",
            new LexiconEntry("York", "york"), new LexiconEntry("New York City", "noo york city"), new LexiconEntry("New York", "noo york")));

    [Fact]
    public void Parse_SameWordsInTwoCases_ExactCaseEntryWins() =>
        Assert.Equal("ay ai and ai.", Said("AI and ai.", new LexiconEntry("ai", "ai"), new LexiconEntry("AI", "ay ai")));

    [Fact]
    public void Parse_IpaOnlyEntry_SaysTheWrittenWordAndCarriesTheIpa()
    {
        SpokenPart part = SpokenText.Parse("Hi Saoirse.", new PronunciationLexicon([new LexiconEntry("Saoirse", Ipa: "ˈsɪərʃə")]))
            .Single(p => p.Kind == SpokenPartKind.Lexicon);

        Assert.Equal(("Saoirse", "Saoirse", "ˈsɪərʃə"), (part.Written, part.Spoken, part.Ipa));
    }

    [Fact]
    public void EntriesUsed_TextTouchingTwoEntries_ListsOnlyThoseOnceInOrderMet()
    {
        var lexicon = new PronunciationLexicon([new("Kubernetes", "koo-ber-net-eez"), new("SQL", "sequel"), new("Azure", "azh-er")]);

        IReadOnlyList<LexiconEntry> used = SpokenText.EntriesUsed("SQL on Kubernetes, SQL again.", lexicon);

        Assert.Equal(["SQL", "Kubernetes"], used.Select(e => e.Text));
    }

    [Fact]
    public void Parse_EntryInsideEmphasis_KeepsTheEmphasisOnTheSubstitution()
    {
        IReadOnlyList<SpokenPart> parts = SpokenText.Parse("It is *SQL first*.", new PronunciationLexicon([new("SQL", "sequel")]));

        Assert.Equal("It is *sequel first*.", SpokenText.Directed(parts));
        Assert.True(parts.Single(p => p.Kind == SpokenPartKind.Lexicon).Emphasis);
    }
}
