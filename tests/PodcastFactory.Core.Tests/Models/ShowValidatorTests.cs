using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Models;

/// <summary>A show's own fields: each rule names its field in the JSON contract.</summary>
public sealed class ShowValidatorTests
{
    static readonly Show _valid = new() { Id = "tech-weekly", Title = "Tech Weekly", Author = "Studio", Description = "News." };

    [Fact]
    public void Validate_DefaultsWithIdTitleAndAuthor_HasNoErrors() => Assert.Empty(ShowValidator.Validate(_valid));

    public static TheoryData<Show, string> Invalid => new()
    {
        { _valid with { Id = "" }, "id" },
        { _valid with { Lexicon = [new LexiconEntry("SQL")] }, "lexicon[0].say" },
        { _valid with { Lexicon = [.. Enumerable.Range(0, LexiconEntry.MaxEntries + 1).Select(i => new LexiconEntry($"w{i}", "x"))] }, "lexicon" },
        { _valid with { Id = "Tech" }, "id" },
        { _valid with { Id = "-tech" }, "id" },
        { _valid with { Id = "../etc" }, "id" },
        { _valid with { Id = new string('a', 49) }, "id" },
        { _valid with { Title = " " }, "title" },
        { _valid with { Title = new string('t', 256) }, "title" },
        { _valid with { Title = "two\nlines" }, "title" },
        { _valid with { Description = new string('d', 4001) }, "description" },
        { _valid with { Author = "" }, "author" },
        { _valid with { Language = "english!" }, "language" },
        { _valid with { OwnerEmail = "not-an-email" }, "ownerEmail" },
        { _valid with { OwnerEmail = "a b@example.com" }, "ownerEmail" },
        { _valid with { ArtworkUrl = "ftp://example.com/a.png" }, "artworkUrl" },
        { _valid with { ArtworkUrl = "/relative.png" }, "artworkUrl" },
        { _valid with { Category = "technology" }, "category" },
        { _valid with { Category = "Gaming" }, "category" },
        { _valid with { Hosts = [] }, "hosts" },
        { _valid with { Hosts = [new("A", "flite:rms"), new("B", "flite:slt"), new("C", "flite:kal"), new("D", "flite:awb"), new("E", "flite:rms")] }, "hosts" },
        { _valid with { Hosts = [new("Alex", "flite:rms"), new("alex", "flite:slt")] }, "hosts[1].name" },
        { _valid with { Hosts = [new("", "flite:rms")] }, "hosts[0].name" },
        { _valid with { Hosts = [new("Alex", "")] }, "hosts[0].voice" },
        { _valid with { Hosts = [new("Alex", "flite:rms", new string('p', 301))] }, "hosts[0].persona" },
        { _valid with { DefaultFormat = "podcast" }, "defaultFormat" },
        { _valid with { DefaultFormat = "Debate" }, "defaultFormat" },
        { _valid with { DefaultMinutes = 0 }, "defaultMinutes" },
        { _valid with { DefaultMinutes = 61 }, "defaultMinutes" },
        { _valid with { Instructions = new string('i', ShowValidator.MaxInstructions + 1) }, "instructions" },
        { _valid with { Instructions = "bell\a" }, "instructions" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadField_NamesTheField(Show show, string field)
    {
        IReadOnlyList<ValidationError> errors = ShowValidator.Validate(show);

        Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Validate_OneToFourHosts_AreAShow(int count)
    {
        Show show = _valid with { Hosts = Enumerable.Range(0, count).Select(i => new HostVoice($"Host {i}", "flite:rms")).ToList() };

        Assert.Empty(ShowValidator.Validate(show));
    }

    [Fact]
    public void Validate_EveryKnownFormat_IsAccepted()
    {
        Assert.Equal(7, EpisodeFormats.All.Count);
        // Each with a cast and a length its format can use (a solo show has one host, a panel three, a brief two minutes).
        Assert.All(EpisodeFormats.All, f => Assert.Empty(ShowValidator.Validate(_valid with
        {
            DefaultFormat = f.Name,
            Hosts = EpisodeFormats.DefaultHosts(f.Name),
            DefaultMinutes = f.DefaultMinutes,
        })));
    }

    [Theory]
    [InlineData("solo", 2, 5, "hosts")]
    [InlineData("panel", 2, 5, "hosts")]
    [InlineData("brief", 2, 10, "defaultMinutes")]
    public void Validate_CastOrLengthItsFormatCannotUse_NamesTheField(string format, int hosts, int minutes, string field)
    {
        Show show = _valid with
        {
            DefaultFormat = format,
            Hosts = Enumerable.Range(0, hosts).Select(i => new HostVoice($"Host {i}", "flite:rms")).ToList(),
            DefaultMinutes = minutes,
        };

        Assert.Contains(ShowValidator.Validate(show), e => e.Field == field);
    }
}
