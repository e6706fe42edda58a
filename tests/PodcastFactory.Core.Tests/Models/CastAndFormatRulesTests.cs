using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Models;

/// <summary>Issue 24 items 2 and 3: casts of 1-4 hosts, the seven formats, instructions and the brief's length.</summary>
public sealed class CastAndFormatRulesTests
{
    static EpisodeRequest Request(int hosts, string format = EpisodeFormats.DeepDive, int minutes = 5, string? instructions = null) => new()
    {
        Topic = "Durable workflows",
        Hosts = Enumerable.Range(0, hosts).Select(i => new HostVoice($"Host{i}", "flite:rms")).ToList(),
        Format = format,
        TargetMinutes = minutes,
        Instructions = instructions,
    };

    static IEnumerable<string> Fields(EpisodeRequest request) => EpisodeRequestValidator.Validate(request).Select(e => e.Field);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Validate_CastOutsideOneToFour_NamesHosts(int hosts) =>
        Assert.Equal(["hosts"], Fields(Request(hosts)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Validate_DeepDiveWithOneToFourHosts_IsValid(int hosts) => Assert.Empty(Fields(Request(hosts)));

    [Theory]
    [InlineData(EpisodeFormats.Panel, 2)]
    [InlineData(EpisodeFormats.Solo, 2)]
    [InlineData(EpisodeFormats.Debate, 1)]
    [InlineData(EpisodeFormats.Interview, 1)]
    public void Validate_CastTheFormatCannotTell_NamesHostsAndTheFormat(string format, int hosts)
    {
        ValidationError error = Assert.Single(EpisodeRequestValidator.Validate(Request(hosts, format)));

        Assert.Equal("hosts", error.Field);
        Assert.Contains(format, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownFormat_NamesFormatAndListsTheSeven()
    {
        ValidationError error = Assert.Single(EpisodeRequestValidator.Validate(Request(2, "podcast\u0001-roulette")));

        Assert.Equal("format", error.Field);
        Assert.Contains("deep-dive, brief, critique, debate, interview, panel, solo", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InstructionsOverTheCap_NamesInstructions()
    {
        Assert.Empty(Fields(Request(2, instructions: new string('a', EpisodeRequestValidator.MaxInstructionsCharacters))));
        Assert.Equal(["instructions"], Fields(Request(2, instructions: new string('a', EpisodeRequestValidator.MaxInstructionsCharacters + 1))));
    }

    [Fact]
    public void Validate_InstructionsWithControlCharacters_NamesInstructions() =>
        Assert.Equal(["instructions"], Fields(Request(2, instructions: "Keep it light.\u0007")));

    [Fact]
    public void Validate_BriefOverTwoMinutes_NamesTargetMinutes()
    {
        Assert.Empty(Fields(Request(2, EpisodeFormats.Brief, minutes: 2)));
        Assert.Equal(["targetMinutes"], Fields(Request(2, EpisodeFormats.Brief, minutes: 3)));
    }

    [Fact]
    public void Validate_RepeatedNameAmongFour_NamesTheRepeat()
    {
        EpisodeRequest request = Request(4) with { Hosts = [new("Alex", "a"), new("Sam", "b"), new("Jo", "c"), new("alex ", "d")] };

        Assert.Equal(["hosts[3].name"], Fields(request));
    }

    [Theory]
    [InlineData(EpisodeFormats.Solo, 1, 5)]
    [InlineData(EpisodeFormats.Panel, 3, 5)]
    [InlineData(EpisodeFormats.Brief, 2, 2)]
    [InlineData(EpisodeFormats.Debate, 2, 5)]
    public void ToEpisodeRequest_FormatOnly_TakesTheFormatsCastAndLengthAndIsValid(string format, int hosts, int minutes)
    {
        EpisodeRequest request = new CreateEpisodeRequest { Topic = "Durable workflows", Format = format }.ToEpisodeRequest();

        Assert.Equal(hosts, request.Hosts.Count);
        Assert.Equal(minutes, request.TargetMinutes);
        Assert.Empty(EpisodeRequestValidator.Validate(request));
    }

    [Fact]
    public void Shares_ByCastSize_KeepsTheTwoHostRuleAndFloorsGroupsAtFifteenPercent()
    {
        Assert.Equal((0.35, 0.65), CastRules.Shares(2));
        Assert.Equal(0.15, CastRules.Shares(3).Min);
        Assert.Equal(0.15, CastRules.Shares(4).Min);
        Assert.Equal((0.0, 1.0), CastRules.Shares(1));
    }
}
