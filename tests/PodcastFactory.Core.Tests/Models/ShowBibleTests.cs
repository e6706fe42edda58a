using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Models;

public sealed class ShowBibleTests
{
    static BibleEpisode Entry(string id, int claims = 1) =>
        new(0, id, "Title " + id, "Summary", ["point"], [.. Enumerable.Range(0, claims).Select(i => $"{id}-h{i}")]);

    [Fact]
    public void Append_SameEpisodeTwice_ReturnsTheSameBible()
    {
        ShowBible once = ShowBible.Empty("s").Append(Entry("ep-1"));

        Assert.Same(once, once.Append(Entry("ep-1") with { Title = "Other" }));
    }

    [Fact]
    public void Append_MoreThanMaxEpisodes_DropsTheOldestAndNeverReusesANumber()
    {
        ShowBible bible = ShowBible.Empty("s");
        for (int i = 1; i <= ShowBible.MaxEpisodes + 3; i++)
        {
            bible = bible.Append(Entry($"ep-{i}"));
        }

        Assert.Equal(ShowBible.MaxEpisodes, bible.Episodes.Count);
        Assert.Equal("ep-4", bible.Episodes[0].EpisodeId);
        Assert.Equal((4, ShowBible.MaxEpisodes + 3), (bible.Episodes[0].Number, bible.Episodes[^1].Number));
        Assert.Equal(ShowBible.MaxEpisodes + 4, bible.NextNumber);
    }

    [Fact]
    public void Append_ClaimsOverTheBibleBound_DropsOldEpisodesUntilItFits()
    {
        ShowBible bible = ShowBible.Empty("s");
        for (int i = 1; i <= 30; i++)
        {
            bible = bible.Append(Entry($"ep-{i}", claims: ShowBible.MaxClaimsPerEpisode));
        }

        Assert.True(bible.Episodes.Sum(e => e.Claims.Count) <= ShowBible.MaxClaims);
        Assert.Equal(ShowBible.MaxClaims / ShowBible.MaxClaimsPerEpisode, bible.Episodes.Count);
        Assert.Equal("ep-30", bible.Episodes[^1].EpisodeId);
    }

    [Fact]
    public void Append_OversizedEntry_IsBoundedFieldByField()
    {
        var huge = new BibleEpisode(0, "ep-big", new string('t', 5000), string.Join(' ', Enumerable.Repeat("word", 2000)),
            [.. Enumerable.Repeat(new string('p', 1000), 50)], [.. Enumerable.Range(0, 500).Select(i => $"h{i}"), "h1", "h1"]);

        BibleEpisode stored = ShowBible.Empty("s").Append(huge).Episodes[0];

        Assert.True(stored.Title.Length <= ShowBible.MaxTitleCharacters);
        Assert.True(stored.Summary.Length <= ShowBible.MaxSummaryCharacters);
        Assert.EndsWith("…", stored.Summary, StringComparison.Ordinal);
        Assert.Equal(ShowBible.MaxPoints, stored.Points.Count);
        Assert.All(stored.Points, p => Assert.True(p.Length <= ShowBible.MaxPointCharacters));
        Assert.Equal(ShowBible.MaxClaimsPerEpisode, stored.Claims.Count);
        Assert.Equal(stored.Claims.Count, stored.Claims.Distinct().Count());
    }

    [Theory]
    [InlineData("weekly", true)]
    [InlineData("show-2", true)]
    [InlineData("2026-specials", true)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    [InlineData("Weekly", false)]
    [InlineData("../x", false)]
    [InlineData("a b", false)]
    [InlineData("a\\b", false)]
    [InlineData("ünï", false)]
    public void IsValid_ShowIds_AcceptsSlugsOnly(string id, bool valid)
    {
        Assert.Equal(valid, ShowValidator.IsId(id));
        Assert.False(ShowValidator.IsId(new string('a', 49)));
    }

    [Fact]
    public void Validate_RequestWithABadShowId_NamesTheShowField()
    {
        IReadOnlyList<ValidationError> errors = EpisodeRequestValidator.Validate(new EpisodeRequest { Topic = "Durable workflows", Show = "../../etc" });

        Assert.Equal("show", Assert.Single(errors).Field);
        Assert.Empty(EpisodeRequestValidator.Validate(new EpisodeRequest { Topic = "Durable workflows", Show = "weekly" }));
    }
}
