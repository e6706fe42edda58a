using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Api;

public sealed class ScriptEditValidatorTests
{
    private static readonly IReadOnlyList<HostVoice> _hosts = [new("Alex", "flite:rms"), new("Sam", "flite:slt")];

    private static ScriptEditTurn Turn(string? speaker = "Alex", string? text = "Hello.") => new() { Speaker = speaker, Text = text };

    [Fact]
    public void Validate_TurnsOfBothHostsAnyCase_IsValid() =>
        Assert.Empty(ScriptEditValidator.Validate(new ScriptEditRequest { Turns = [Turn(), Turn("sam", "Hi.")] }, _hosts));

    [Fact]
    public void Validate_SpeakerNotAHost_NamesTheTurnsSpeaker()
    {
        var errors = ScriptEditValidator.Validate(new ScriptEditRequest { Turns = [Turn(), Turn("Mallory")] }, _hosts);

        Assert.Equal("turns[1].speaker", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_EmptyText_NamesTheTurnsText(string? text) =>
        Assert.Equal("turns[0].text", Assert.Single(ScriptEditValidator.Validate(new ScriptEditRequest { Turns = [Turn(text: text)] }, _hosts)).Field);

    [Fact]
    public void Validate_TurnOverTheLengthCap_IsRefused()
    {
        var body = new ScriptEditRequest { Turns = [Turn(text: new string('a', ScriptEditValidator.MaxTurnCharacters + 1))] };

        Assert.Equal("turns[0].text", Assert.Single(ScriptEditValidator.Validate(body, _hosts)).Field);
    }

    [Fact]
    public void Validate_TooManyTurnsOrNone_IsRefused()
    {
        var many = new ScriptEditRequest { Turns = Enumerable.Repeat(Turn(), ScriptEditValidator.MaxTurns + 1).ToList() };

        Assert.Equal("turns", Assert.Single(ScriptEditValidator.Validate(many, _hosts)).Field);
        Assert.Equal("turns", Assert.Single(ScriptEditValidator.Validate(new ScriptEditRequest { Turns = [] }, _hosts)).Field);
    }

    [Fact]
    public void Validate_VoiceForSomeoneElseOrMultiLineTitle_NamesBoth()
    {
        var body = new ScriptEditRequest { Title = "A\nB", Turns = [Turn()], Voices = new Dictionary<string, string> { ["Mallory"] = "flite:awb" } };

        Assert.Equal(["title", "voices.Mallory"], ScriptEditValidator.Validate(body, _hosts).Select(e => e.Field));
    }

    [Fact]
    public void Apply_VoiceOfOneHost_ChangesOnlyThatHostAndSpellsSpeakersAsTheHosts()
    {
        var body = new ScriptEditRequest { Turns = [Turn("sam", "  Hi.  ")], Voices = new Dictionary<string, string> { ["sam"] = "flite:awb" } };

        (IReadOnlyList<ScriptTurn> turns, IReadOnlyList<HostVoice> hosts) = ScriptEditValidator.Apply(body, _hosts);

        Assert.Equal(new ScriptTurn("Sam", "Hi.", [], null), turns[0] with { Claims = [] }, new TurnComparer());
        Assert.Equal([new HostVoice("Alex", "flite:rms"), new HostVoice("Sam", "flite:awb")], hosts);
    }

    private sealed class TurnComparer : IEqualityComparer<ScriptTurn>
    {
        public bool Equals(ScriptTurn? x, ScriptTurn? y) => x?.Speaker == y?.Speaker && x?.Text == y?.Text && x?.Chapter == y?.Chapter;

        public int GetHashCode(ScriptTurn obj) => obj.Speaker.GetHashCode(StringComparison.Ordinal);
    }
}
